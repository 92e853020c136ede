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

/** Exports for finance: Excel (amounts as numbers) or CSV, then one button per export. */
export function ExportBar({ exports }: { exports: ExportChoice[] }) {
  const [format, setFormat] = useState<Format>('xlsx');
  const download = useAction(async (choice: ExportChoice) => {
    const sheet = await choice.fetch(format);
    await saveSheet(sheet);
    void Taro.showToast({ title: `已导出 ${sheet.rows} 行`, icon: 'none' });
  });
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
            onClick={() => void download.run(choice)}
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
