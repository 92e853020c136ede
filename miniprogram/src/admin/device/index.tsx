import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatDateTime, formatYuan, fen, type DeviceView, type InspectionSummary } from '@linli/shared';
import { CellGroup, Button } from '../../components/nutui';
import { EmptyState } from '../../components/empty-state';
import { InfoRow } from '../../components/info-row';
import { RemoteView } from '../../components/remote-view';
import { StatGrid, StatTile } from '../../components/stat-tile';
import { useAction } from '../../hooks/use-action';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { facilityPageRoles } from '../devices/roles';
import '../devices/facility.css';

/** 设备详情: the ledger card, live state, life, plans, open visits and the device's history. */
export default function Device() {
  const id = useRouter().params.id;
  return (
    <StaffPage allow={facilityPageRoles.devices} pickEstate={false}>
      {({ has }) =>
        id ? (
          <DeviceDetail
            deviceId={decodeURIComponent(id)}
            admin={has('admin')}
            fills={has('admin', 'technician')}
          />
        ) : (
          <EmptyState title="未指定设备" description="请从「设备台账」中选择一台设备。" glyph="?" />
        )
      }
    </StaffPage>
  );
}

function DeviceDetail({ deviceId, admin, fills }: { deviceId: string; admin: boolean; fills: boolean }) {
  const detail = useRemote(() => call('facilities', 'detail', { deviceId }), [deviceId]);
  useReloadOnShow(detail.refresh);
  return (
    <RemoteView remote={detail}>
      {(device) => <Body device={device} admin={admin} fills={fills} />}
    </RemoteView>
  );
}

const go = (url: string) => void Taro.navigateTo({ url });
const inspectionUrl = (id: string) => `/admin/inspection/index?id=${encodeURIComponent(id)}`;

function Body({ device, admin, fills }: { device: DeviceView; admin: boolean; fills: boolean }) {
  const start = useAction(async () => {
    const inspection = await call('facilities', 'startInspection', { deviceId: device.deviceId });
    go(inspectionUrl(inspection.inspectionId));
  });
  const life = device.lifecycle;
  return (
    <>
      <View className="fac-card">
        <View className="fac-card__head">
          <Text className="fac-card__title">{device.name}</Text>
          <Text className="fac-badge">{device.statusLabel}</Text>
        </View>
        <Text className="fac-card__code">
          {device.code} · {device.typeLabel}
        </Text>
        <Text className="fac-card__meta">
          {device.buildingName ? `${device.buildingName} · ` : ''}
          {device.locationLabel}
        </Text>
      </View>
      <View className="fac-actions">
        {fills ? (
          <Button size="small" type="primary" onClick={() => void start.run()}>
            现场巡检
          </Button>
        ) : null}
        {admin ? (
          <Button
            size="small"
            onClick={() => go(`/admin/device-edit/index?id=${encodeURIComponent(device.deviceId)}`)}
          >
            编辑台账
          </Button>
        ) : null}
        {admin ? (
          <Button
            size="small"
            onClick={() => go(`/admin/plans/index?deviceId=${encodeURIComponent(device.deviceId)}`)}
          >
            新建计划
          </Button>
        ) : null}
        <Button
          size="small"
          onClick={() => go(`/admin/device-labels/index?ids=${encodeURIComponent(device.deviceId)}`)}
        >
          打印标签
        </Button>
      </View>
      {start.failure ? <Text className="fac-error">{start.failure.message}</Text> : null}

      <Live device={device} />

      <Text className="section-title">寿命与故障</Text>
      <StatGrid>
        <StatTile label="累计故障" value={life.failures} unit="次" />
        <StatTile label="近一年故障" value={life.failuresLastYear} unit="次" />
        <StatTile
          label="平均故障间隔"
          value={life.mtbfDays === null ? '—' : life.mtbfDays}
          unit={life.mtbfDays === null ? '' : '天'}
        />
        <StatTile label="维修费用" value={formatYuan(fen(life.repairCost))} />
      </StatGrid>
      <CellGroup>
        <InfoRow
          label="保修"
          value={
            device.warrantyUntil
              ? `${device.warrantyLabel}（至 ${device.warrantyUntil}）`
              : device.warrantyLabel
          }
        />
        <InfoRow
          label="设计寿命"
          value={
            life.endOfLife
              ? `${device.serviceLifeYears} 年，至 ${life.endOfLife}（已用 ${life.lifeUsedPercent ?? 0}%）`
              : null
          }
        />
        {life.replaceInYear ? (
          <InfoRow label="建议更新" value={`${life.replaceInYear} 年：${life.reasonLabels.join('、')}`} />
        ) : null}
      </CellGroup>

      <Text className="section-title">待完成的巡检保养</Text>
      {device.pendingInspections.length === 0 ? (
        <Text className="fac-card__muted">暂无待完成的巡检保养</Text>
      ) : (
        device.pendingInspections.map((i) => <PendingCard key={i.inspectionId} inspection={i} />)
      )}

      <Text className="section-title">维护计划</Text>
      {device.plans.length === 0 ? (
        <Text className="fac-card__muted">暂无覆盖此设备的维护计划</Text>
      ) : (
        device.plans.map((plan) => (
          <View key={plan.planId} className="fac-card">
            <View className="fac-card__head">
              <Text className="fac-card__title">{plan.name}</Text>
              <Text className={`fac-badge ${plan.active ? 'fac-badge--ok' : ''}`}>
                {plan.active ? '执行中' : '已暂停'}
              </Text>
            </View>
            <Text className="fac-card__meta">
              {plan.recurrenceLabel} · {plan.responsibleLabel}
            </Text>
            {plan.nextDueDate ? (
              <Text className="fac-card__muted">
                下次 {plan.nextDueDate}，提前 {plan.leadDays} 天派单
              </Text>
            ) : null}
          </View>
        ))
      )}

      <Text className="section-title">设备履历</Text>
      {device.history.length === 0 ? (
        <Text className="fac-card__muted">暂无记录</Text>
      ) : (
        device.history.map((entry) => (
          <View
            key={`${entry.kind}:${entry.refId ?? entry.at}`}
            className={`fac-card fac-card--${entry.tone}`}
            onClick={() => {
              if (entry.kind === 'inspection' && entry.refId) go(inspectionUrl(entry.refId));
              if (entry.kind === 'work_order' && entry.refId)
                go(`/admin/workorder/index?id=${encodeURIComponent(entry.refId)}`);
            }}
          >
            <View className="fac-card__head">
              <Text className="fac-card__title">{entry.title}</Text>
              <Text className={`fac-badge fac-badge--${entry.tone}`}>{entry.stateLabel}</Text>
            </View>
            {entry.detail ? <Text className="fac-card__meta">{entry.detail}</Text> : null}
            <Text className="fac-card__muted">{formatDateTime(entry.at)}</Text>
          </View>
        ))
      )}

      <Text className="section-title">台账信息</Text>
      <CellGroup>
        <InfoRow label="型号" value={device.model} />
        <InfoRow label="生产厂家" value={device.manufacturer} />
        <InfoRow label="出厂编号" value={device.serialNo} />
        <InfoRow label="楼层" value={device.location.floor === null ? null : `${device.location.floor} 层`} />
        <InfoRow label="购置日期" value={device.purchaseDate} />
        <InfoRow label="安装日期" value={device.installDate} />
        <InfoRow
          label="购置价"
          value={device.purchaseCost === null ? null : formatYuan(fen(device.purchaseCost))}
        />
        <InfoRow
          label="供应商"
          value={device.supplier ? `${device.supplier.name} ${device.supplier.phone}`.trim() : null}
        />
        <InfoRow
          label="维保单位"
          value={device.contractor ? `${device.contractor.name} ${device.contractor.phone}`.trim() : null}
        />
        {device.note ? <InfoRow label="备注" value={device.note} /> : null}
      </CellGroup>
    </>
  );
}

function PendingCard({ inspection }: { inspection: InspectionSummary }) {
  return (
    <View
      className={`fac-card ${inspection.overdue ? 'fac-card--bad' : 'fac-card--info'}`}
      onClick={() => go(inspectionUrl(inspection.inspectionId))}
    >
      <View className="fac-card__head">
        <Text className="fac-card__title">{inspection.planName ?? '现场巡检'}</Text>
        <Text className={`fac-badge ${inspection.overdue ? 'fac-badge--bad' : 'fac-badge--info'}`}>
          {inspection.stateLabel}
        </Text>
      </View>
      <Text className="fac-card__meta">
        计划日期 {inspection.dueDate}
        {inspection.maintenanceOrderNo ? ` · 工单 ${inspection.maintenanceOrderNo}` : ''}
      </Text>
    </View>
  );
}

function Live({ device }: { device: DeviceView }) {
  const live = device.live;
  if (!live.connected && live.openAlarms.length === 0) return null;
  return (
    <>
      <Text className="section-title">实时状态</Text>
      <View className="fac-card">
        <View className="fac-card__head">
          <Text className="fac-card__meta">
            {live.online === null ? '未接入' : live.online ? '在线' : '离线'}
            {live.lastSeenAt ? ` · 最近上报 ${formatDateTime(live.lastSeenAt)}` : ''}
          </Text>
          {live.faultCode ? <Text className="fac-badge fac-badge--bad">故障码 {live.faultCode}</Text> : null}
        </View>
        {live.readings.map((r) => (
          <Text key={r.name} className="fac-card__meta">
            {r.name}：{r.value}
          </Text>
        ))}
        {live.openAlarms.map((a) => (
          <Text key={a.alarmId} className="fac-error">
            【{a.severityLabel}】{a.label}：{a.summary}
          </Text>
        ))}
      </View>
    </>
  );
}
