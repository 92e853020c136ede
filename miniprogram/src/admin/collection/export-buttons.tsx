import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { saveSheet } from '../../services/sheet-file';
import type { PeriodRange } from './period-range';

/** CSV with a BOM, which Excel opens as is: bill details, or the collection rates by month. */
export function ExportButtons({ estateId, range }: { estateId: string; range: PeriodRange }) {
  const download = useAction(async (kind: 'bills' | 'collection') => {
    const sheet = await call('billing', 'stats.export', { estateId, ...range, kind });
    await saveSheet({ filename: sheet.filename, format: 'csv', content: sheet.content });
    void Taro.showToast({ title: `已导出 ${sheet.rows} 行`, icon: 'none' });
  });
  return (
    <View className="stats-export">
      <Text className="stats-card__title">导出（CSV，可用 Excel 打开）</Text>
      <View className="stats-export__buttons">
        <Button
          size="small"
          type="primary"
          fill="outline"
          disabled={download.pending}
          onClick={() => void download.run('bills')}
        >
          导出账单明细
        </Button>
        <Button
          size="small"
          type="primary"
          fill="outline"
          disabled={download.pending}
          onClick={() => void download.run('collection')}
        >
          导出收缴率
        </Button>
      </View>
      {download.failure ? <MessageBlock tone="error" title={download.failure.message} /> : null}
    </View>
  );
}
