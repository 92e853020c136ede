import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fen, formatYuan, type LifecycleReport, type LifecycleRow } from '@linli/shared';
import { RemoteView } from '../../components/remote-view';
import { StatGrid, StatTile } from '../../components/stat-tile';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { PageLink } from '../components/page-link';
import { StaffPage } from '../components/staff-page';
import { facilityPageRoles } from '../devices/roles';
import '../devices/facility.css';

/** 设备全生命周期: failures, repair cost, MTBF, warranty and life ends, and the renewal plan. */
export default function Lifecycle() {
  return (
    <StaffPage allow={facilityPageRoles.lifecycle}>
      {({ estateId }) => <Report key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

function Report({ estateId }: { estateId: string }) {
  const report = useRemote(() => call('facilities', 'lifecycle', { estateId }), [estateId]);
  return (
    <RemoteView remote={report}>
      {(r: LifecycleReport) => (
        <>
          <StatGrid>
            <StatTile label="在册设备" value={r.totals.devices} unit="台" />
            <StatTile label="近一年故障" value={r.totals.failuresLastYear} unit="次" />
            <StatTile label="累计维修费" value={formatYuan(fen(r.totals.repairCost))} wide />
          </StatGrid>
          <PageLink url="/admin/repair-frequency/index" label="报修频次分析（按设备、类别、位置）" />
          <Section
            title="更新改造计划"
            empty="暂无需要更新的设备"
            rows={r.replacementPlan}
            detail={(row) =>
              `${row.lifecycle.replaceInYear} 年更新：${row.lifecycle.reasonLabels.join('、')}`
            }
            tone="bad"
          />
          <Section
            title="故障排行（近一年）"
            empty="近一年没有设备故障"
            rows={r.byFailures}
            detail={(row) =>
              `故障 ${row.lifecycle.failuresLastYear} 次 · 维修费 ${formatYuan(fen(row.lifecycle.repairCost))} · 平均 ${row.lifecycle.mtbfDays ?? '—'} 天一次`
            }
            tone="warn"
          />
          <Section
            title="临近设计寿命"
            empty="一年内没有到达设计寿命的设备"
            rows={r.nearEndOfLife}
            detail={(row) =>
              (row.lifecycle.daysToEndOfLife ?? 0) < 0
                ? `已超期 ${-(row.lifecycle.daysToEndOfLife ?? 0)} 天（${row.lifecycle.endOfLife} 到期）`
                : `还剩 ${row.lifecycle.daysToEndOfLife} 天（${row.lifecycle.endOfLife} 到期）`
            }
            tone="warn"
          />
          <Section
            title="保修即将到期"
            empty="90 天内没有保修到期的设备"
            rows={r.nearWarrantyEnd}
            detail={(row) => `保修还剩 ${row.lifecycle.warranty.daysLeft} 天`}
            tone="info"
          />
        </>
      )}
    </RemoteView>
  );
}

function Section(props: {
  title: string;
  empty: string;
  rows: LifecycleRow[];
  detail: (row: LifecycleRow) => string;
  tone: 'bad' | 'warn' | 'info';
}) {
  return (
    <>
      <Text className="section-title">{props.title}</Text>
      {props.rows.length === 0 ? (
        <Text className="fac-card__muted">{props.empty}</Text>
      ) : (
        props.rows.map((row) => (
          <View
            key={row.deviceId}
            className={`fac-card fac-card--${props.tone}`}
            onClick={() =>
              void Taro.navigateTo({ url: `/admin/device/index?id=${encodeURIComponent(row.deviceId)}` })
            }
          >
            <View className="fac-card__head">
              <Text className="fac-card__title">{row.name}</Text>
              <Text className="fac-card__code">{row.code}</Text>
            </View>
            <Text className="fac-card__meta">
              {row.typeLabel} · {row.locationLabel}
            </Text>
            <Text className="fac-card__meta">{props.detail(row)}</Text>
          </View>
        ))
      )}
    </>
  );
}
