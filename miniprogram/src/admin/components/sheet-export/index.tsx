import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SheetExport } from '@linli/shared';
import { MessageBlock } from '../../../components/message-block';
import { Button } from '../../../components/nutui';
import { useAction } from '../../../hooks/use-action';
import { saveSheet } from '../../../services/sheet-file';
import './index.css';

/**
 * 导出 CSV / Excel of what the page shows: `load` calls the list's export action with the same
 * filters the list was loaded with.
 */
export function SheetExportButtons({
  title = '导出当前列表',
  load,
}: {
  title?: string;
  load: (format: 'csv' | 'xlsx') => Promise<SheetExport>;
}) {
  const download = useAction(async (format: 'csv' | 'xlsx') => {
    const sheet = await load(format);
    await saveSheet(sheet);
    void Taro.showToast({ title: `已导出 ${sheet.rows} 行`, icon: 'none' });
  });
  return (
    <View className="sheet-export">
      <Text className="sheet-export__title">{title}（与当前筛选一致）</Text>
      <View className="sheet-export__buttons">
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            size="small"
            type="primary"
            fill="outline"
            disabled={download.pending}
            onClick={() => void download.run(format)}
          >
            {format === 'csv' ? '导出 CSV' : '导出 Excel'}
          </Button>
        ))}
      </View>
      {download.failure ? <MessageBlock tone="error" title={download.failure.message} /> : null}
    </View>
  );
}
