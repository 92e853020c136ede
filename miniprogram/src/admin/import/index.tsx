import { Text, View } from '@tarojs/components';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { saveSheet } from '../../services/sheet-file';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { ImportSection } from './import-section';
import './index.css';

type Format = 'csv' | 'xlsx';

/** Sheets in and out of an estate: the template and the import for admins, the export for finance too. */
export default function Sheets() {
  return (
    <StaffPage allow={staffPageRoles.sheets}>
      {({ estateId, has }) => (
        <>
          {has('admin') ? (
            <SheetCard
              title="下载导入模板"
              verb="下载"
              description="按模板填写楼栋、房屋、业主与车位。第一行为表头，请勿修改；模板中附有示例与填写说明。"
              fetch={(format) => call('property', 'importTemplate', { format })}
            />
          ) : null}
          <SheetCard
            title="导出房屋信息"
            verb="导出"
            description="按导入模板的格式导出本小区的房屋与业主，可修改后再导入。"
            note="导出文件含完整手机号与身份证号，导出操作会被记录，请妥善保管。"
            fetch={(format) => call('property', 'exportSheet', { estateId, format })}
          />
          {has('admin') ? <ImportSection key={estateId} estateId={estateId} /> : null}
        </>
      )}
    </StaffPage>
  );
}

function SheetCard({
  title,
  verb,
  description,
  note,
  fetch,
}: {
  title: string;
  /** 下载 or 导出, in front of each format's button. */
  verb: string;
  description: string;
  note?: string;
  fetch: (format: Format) => Promise<{ filename: string; format: Format; content: string }>;
}) {
  const download = useAction(async (format: Format) => saveSheet(await fetch(format)));
  return (
    <View className="sheet-card">
      <Text className="sheet-card__title">{title}</Text>
      <Text className="sheet-card__text">{description}</Text>
      {note ? <Text className="sheet-card__note">{note}</Text> : null}
      <View className="sheet-card__buttons">
        <Button
          size="small"
          type="primary"
          fill="outline"
          disabled={download.pending}
          onClick={() => void download.run('xlsx')}
        >
          {verb} Excel
        </Button>
        <Button
          size="small"
          type="primary"
          fill="outline"
          disabled={download.pending}
          onClick={() => void download.run('csv')}
        >
          {verb} CSV
        </Button>
      </View>
      {download.pending ? <Text className="sheet-card__text">正在生成文件…</Text> : null}
      {download.failure ? (
        <MessageBlock tone="error">
          <Text>{download.failure.message}</Text>
        </MessageBlock>
      ) : null}
    </View>
  );
}
