import { Text, View } from '@tarojs/components';
import {
  collectionRowsChart,
  formatYuan,
  type CollectionFigures,
  type CollectionGroupBy,
  type CollectionRow,
} from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { Chart } from '../components/chart';
import type { PeriodRange } from './period-range';
import { RateBar } from './rate-bar';

/** Both collection rates, side by side and never merged: by amount (fen) and by household. */
export function CollectionReportView({
  estateId,
  range,
  groupBy,
}: {
  estateId: string;
  range: PeriodRange;
  groupBy: CollectionGroupBy;
}) {
  const report = useRemote(
    () => call('billing', 'stats.collection', { estateId, ...range, groupBy }),
    [estateId, range.periodFrom, range.periodTo, groupBy],
  );
  return (
    <RemoteView remote={report}>
      {(view) =>
        view.total.bills === 0 ? (
          <EmptyState title="该时段暂无账单" description="出账后即可统计收缴率。" glyph="¥" />
        ) : (
          <>
            <View className="stats-card">
              <Text className="stats-card__title">合计（截至 {view.asOf}）</Text>
              <Rates figures={view.total} />
              <MoneyFacts figures={view.total} />
              <Text className="stats-card__definition">{view.definitions.byAmount}</Text>
              <Text className="stats-card__definition">{view.definitions.byHousehold}</Text>
            </View>
            {view.rows.length > 1 ? (
              <View className="stats-card">
                <Text className="stats-card__title">各{groupLabels[groupBy]}收缴率</Text>
                <Chart spec={collectionRowsChart(view.rows)} height={180} />
              </View>
            ) : null}
            {view.rows.map((row: CollectionRow) => (
              <View key={row.key} className="stats-card">
                <Text className="stats-card__title">{row.label}</Text>
                <Rates figures={row} />
              </View>
            ))}
          </>
        )
      }
    </RemoteView>
  );
}

const groupLabels: Record<CollectionGroupBy, string> = {
  estate: '小区',
  building: '楼栋',
  period: '账期',
  item: '收费项目',
};

function Rates({ figures }: { figures: CollectionFigures }) {
  return (
    <>
      <RateBar
        label="按金额"
        rate={figures.collectionRateByAmount}
        detail={`实收 ${formatYuan(figures.paidFen)} / 应收 ${formatYuan(figures.receivableFen)}`}
      />
      <RateBar
        label="按户数"
        rate={figures.collectionRateByHousehold}
        detail={`缴清 ${figures.householdsFullyPaid} 户 / 应缴 ${figures.householdsBilled} 户`}
      />
    </>
  );
}

function MoneyFacts({ figures }: { figures: CollectionFigures }) {
  const facts: Array<[string, string]> = [
    ['账单金额', formatYuan(figures.billedFen)],
    ['预缴优惠', formatYuan(figures.discountFen)],
    ['减免', formatYuan(figures.waivedFen)],
    ['应收', formatYuan(figures.receivableFen)],
    ['实收', formatYuan(figures.paidFen)],
    ['未收', formatYuan(figures.outstandingFen)],
    ['滞纳金（应计）', formatYuan(figures.lateFeeAccruedFen)],
    ['滞纳金（已收）', formatYuan(figures.lateFeePaidFen)],
    ['空置/赠送减收', formatYuan(figures.reliefFen)],
    ['账单数', `${figures.bills} 张${figures.voidedBills ? `（另作废 ${figures.voidedBills}）` : ''}`],
  ];
  return (
    <View className="stats-facts">
      {facts.map(([label, value]) => (
        <View key={label} className="stats-facts__item">
          <Text className="stats-facts__label">{label}</Text>
          <Text className="stats-facts__value">{value}</Text>
        </View>
      ))}
    </View>
  );
}
