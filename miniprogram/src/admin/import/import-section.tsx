import { Text, View } from '@tarojs/components';
import type { ImportReport } from '@linli/shared';
import { useState } from 'react';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { chooseSheet, type SheetFile } from '../../services/sheet-file';
import { ImportReportView } from './import-report';

/**
 * Import in two steps: a dry run checks every row and writes nothing; only a clean report offers
 * 确认导入, which runs the same file for real (all rows or none).
 */
export function ImportSection({ estateId }: { estateId: string }) {
  const [file, setFile] = useState<SheetFile | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const importSheet = (sheet: SheetFile, dryRun: boolean) =>
    call('property', 'importSheet', { estateId, format: sheet.format, content: sheet.content, dryRun });

  const check = useAction(async () => {
    const chosen = await chooseSheet();
    if (!chosen) return;
    setFile(chosen);
    setReport(null);
    setReport(await importSheet(chosen, true));
  });
  const apply = useAction(async (sheet: SheetFile) => setReport(await importSheet(sheet, false)));
  const failure = check.failure ?? apply.failure;
  const busy = check.pending || apply.pending;
  const ready = report?.dryRun === true && report.errors.length === 0 && report.rows > 0;
  const imported = report?.dryRun === false && report.errors.length === 0;

  return (
    <View className="sheet-card">
      <Text className="sheet-card__title">批量导入</Text>
      <Text className="sheet-card__text">
        选择填好的 .xlsx 或 .csv 文件，先检查每一行，确认无误后再导入。有任何一行出错时不会导入任何数据。
      </Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Text className="sheet-card__note">手机上请先把文件发送到微信聊天，再从聊天中选择。</Text>
      ) : null}
      <View className="sheet-card__buttons">
        <Button size="small" type="primary" disabled={busy} onClick={() => void check.run()}>
          {file ? '重新选择文件' : '选择文件'}
        </Button>
      </View>
      {file ? <Text className="sheet-card__file">文件：{file.filename}</Text> : null}
      {check.pending ? <Text className="sheet-card__text">正在检查…</Text> : null}
      {failure ? (
        <MessageBlock tone="error" title="无法导入">
          <Text>{failure.message}</Text>
        </MessageBlock>
      ) : null}
      {report ? <ImportReportView report={report} /> : null}
      {ready && file ? (
        <Button type="primary" block disabled={busy} onClick={() => void apply.run(file)}>
          {apply.pending ? '正在导入…' : `确认导入 ${report.rows} 行`}
        </Button>
      ) : null}
      {imported ? (
        <MessageBlock tone="success" title="导入完成">
          <Text>
            新增 {report.created} 行，更新 {report.updated} 行，{report.unchanged} 行无变化。
          </Text>
        </MessageBlock>
      ) : null}
    </View>
  );
}
