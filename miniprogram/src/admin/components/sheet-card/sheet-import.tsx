import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { MessageBlock } from '../../../components/message-block';
import { Button } from '../../../components/nutui';
import { useAction, type ActionFailure } from '../../../hooks/use-action';
import { chooseSheet, type SheetFile } from '../../../services/sheet-file';
import './index.css';

/**
 * Import a sheet in two steps: pick a file and check it (`send(file, true)` writes nothing),
 * then `commit` runs the same file for real.
 */
export function useSheetImport<R>(send: (file: SheetFile, dryRun: boolean) => Promise<R>) {
  const [file, setFile] = useState<SheetFile | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const check = useAction(async () => {
    const chosen = await chooseSheet();
    if (!chosen) return;
    setFile(chosen);
    setReport(null);
    setReport(await send(chosen, true));
  });
  const commit = useAction(async (sheet: SheetFile) => setReport(await send(sheet, false)));
  return {
    file,
    report,
    check: () => void check.run(),
    commit: () => void (file && commit.run(file)),
    checking: check.pending,
    committing: commit.pending,
    busy: check.pending || commit.pending,
    failure: check.failure ?? commit.failure,
  };
}

/** The card around an import: what to do, the file button, the file chosen, and what failed. */
export function SheetImportCard({
  title,
  description,
  sheet,
  children,
}: {
  title: string;
  description: string;
  sheet: {
    file: SheetFile | null;
    busy: boolean;
    checking: boolean;
    failure: ActionFailure | null;
    check: () => void;
  };
  /** The report and the commit button. */
  children: ReactNode;
}) {
  return (
    <View className="sheet-card">
      <Text className="sheet-card__title">{title}</Text>
      <Text className="sheet-card__text">{description}</Text>
      {process.env.TARO_ENV === 'weapp' ? (
        <Text className="sheet-card__note">手机上请先把文件发送到微信聊天，再从聊天中选择。</Text>
      ) : null}
      <View className="sheet-card__buttons">
        <Button size="small" type="primary" disabled={sheet.busy} onClick={sheet.check}>
          {sheet.file ? '重新选择文件' : '选择文件'}
        </Button>
      </View>
      {sheet.file ? <Text className="sheet-card__file">文件：{sheet.file.filename}</Text> : null}
      {sheet.checking ? <Text className="sheet-card__text">正在检查…</Text> : null}
      {sheet.failure ? (
        <MessageBlock tone="error" title="无法导入">
          <Text>{sheet.failure.message}</Text>
        </MessageBlock>
      ) : null}
      {children}
    </View>
  );
}
