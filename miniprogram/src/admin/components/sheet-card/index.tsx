import { Text, View } from '@tarojs/components';
import { MessageBlock } from '../../../components/message-block';
import { Button } from '../../../components/nutui';
import { useAction } from '../../../hooks/use-action';
import { saveSheet, type SheetFile } from '../../../services/sheet-file';
import './index.css';

type Format = SheetFile['format'];

/** A card offering a file in both formats: an Excel button and a CSV button, each saving what `fetch` returns. */
export function SheetCard({
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
