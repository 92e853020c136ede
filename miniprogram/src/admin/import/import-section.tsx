import { Text } from '@tarojs/components';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { call } from '../../services/api';
import type { SheetFile } from '../../services/sheet-file';
import { SheetImportCard, useSheetImport } from '../components/sheet-card/sheet-import';
import { ImportReportView } from './import-report';

/**
 * Import in two steps: a dry run checks every row and writes nothing; only a clean report offers
 * 确认导入, which runs the same file for real (all rows or none).
 */
export function ImportSection({ estateId }: { estateId: string }) {
  const sheet = useSheetImport((file: SheetFile, dryRun: boolean) =>
    call('property', 'importSheet', { estateId, format: file.format, content: file.content, dryRun }),
  );
  const { report } = sheet;
  const ready = report?.dryRun === true && report.errors.length === 0 && report.rows > 0;
  const imported = report?.dryRun === false && report.errors.length === 0;

  return (
    <SheetImportCard
      title="批量导入"
      description="选择填好的 .xlsx 或 .csv 文件，先检查每一行，确认无误后再导入。有任何一行出错时不会导入任何数据。"
      sheet={sheet}
    >
      {report ? <ImportReportView report={report} /> : null}
      {ready ? (
        <Button type="primary" block disabled={sheet.busy} onClick={sheet.commit}>
          {sheet.committing ? '正在导入…' : `确认导入 ${report.rows} 行`}
        </Button>
      ) : null}
      {imported ? (
        <MessageBlock tone="success" title="导入完成">
          <Text>
            新增 {report.created} 行，更新 {report.updated} 行，{report.unchanged} 行无变化。
          </Text>
        </MessageBlock>
      ) : null}
    </SheetImportCard>
  );
}
