import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { SheetExport } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { MessageBlock } from '../../../components/message-block';
import { Button } from '../../../components/nutui';
import { useAction } from '../../../hooks/use-action';
import { saveSheet } from '../../../services/sheet-file';
import './index.css';

type Format = SheetExport['format'];

export interface ExportChoice {
  label: string;
  /** The export with the filters shown on screen, in the chosen format. */
  fetch: (format: Format) => Promise<SheetExport>;
}

/** Fetch an export and hand the file to the platform (save on H5, share/open in WeChat). */
function useSheetDownload() {
  return useAction(async (fetch: () => Promise<SheetExport>) => {
    const sheet = await fetch();
    await saveSheet(sheet);
    void Taro.showToast({ title: `已导出 ${sheet.rows} 行`, icon: 'none' });
  });
}

/** Exports for finance: Excel (amounts as numbers) or CSV, then one button per export. */
export function ExportBar({ exports }: { exports: ExportChoice[] }) {
  const [format, setFormat] = useState<Format>('xlsx');
  const download = useSheetDownload();
  return (
    <View className="export-bar">
      <Text className="export-bar__title">导出（按当前筛选条件）</Text>
      <ChoiceChips
        options={[
          { value: 'xlsx' as const, label: 'Excel' },
          { value: 'csv' as const, label: 'CSV' },
        ]}
        value={format}
        onChange={setFormat}
      />
      <View className="export-bar__buttons">
        {exports.map((choice) => (
          <Button
            key={choice.label}
            size="small"
            type="primary"
            fill="outline"
            disabled={download.pending}
            onClick={() => void download.run(() => choice.fetch(format))}
          >
            {choice.label}
          </Button>
        ))}
      </View>
      {download.pending ? <Text className="export-bar__note">正在生成文件…</Text> : null}
      {download.failure ? <MessageBlock tone="error" title={download.failure.message} /> : null}
    </View>
  );
}

/**
 * One list's export as two buttons, 导出 CSV / 导出 Excel: `load` calls the list's export action
 * with the same filters the list was loaded with.
 */
export function SheetExportButtons({
  title = '导出当前列表',
  load,
}: {
  title?: string;
  load: (format: Format) => Promise<SheetExport>;
}) {
  const download = useSheetDownload();
  return (
    <View className="export-bar export-bar--compact">
      <Text className="export-bar__note">{title}（与当前筛选一致）</Text>
      <View className="export-bar__buttons">
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            size="small"
            type="primary"
            fill="outline"
            disabled={download.pending}
            onClick={() => void download.run(() => load(format))}
          >
            {format === 'csv' ? '导出 CSV' : '导出 Excel'}
          </Button>
        ))}
      </View>
      {download.failure ? <MessageBlock tone="error" title={download.failure.message} /> : null}
    </View>
  );
}
