import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';

// Work orders arrive with the workorder context; until then this page says what it will hold.
export default function Repair() {
  return (
    <Screen>
      <EmptyState
        title="暂无报修记录"
        description="提交的报修会显示在这里，可查看处理进度、上门师傅和维修结果。"
        glyph="⚒"
      />
    </Screen>
  );
}
