import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, Severity, severityLabels, type AlarmListView, type AlarmView } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { ReasonForm } from '../../components/reason-form';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { useAction } from '../../hooks/use-action';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { useRouteChoice } from '../../hooks/use-route-choice';
import { call } from '../../services/api';
import { SheetExportButtons } from '../components/export-bar';
import { StaffPage } from '../components/staff-page';
import { alarmPageRoles } from './roles';
import './index.css';

type Scope = 'active' | 'cleared';
const scopeTabs = [
  { value: 'active', label: '当前告警' },
  { value: 'cleared', label: '已恢复' },
] as const;

const resolveSuggestions = ['现场已处理，设备恢复正常', '误报，传感器已校准', '已转维修工单跟进'];

/** 设备告警: what the devices are reporting now; acknowledge (认领) and close with a note. */
export default function Alarms() {
  const [scope, setScope] = useState<Scope>('active');
  // A 工作台 tile may open the list on one severity (?severity=critical).
  const [severity, setSeverity] = useRouteChoice<Severity | ''>('severity', Severity.options, '');
  return (
    <StaffPage allow={alarmPageRoles.alarms}>
      {({ estateId }) => (
        <>
          <SegmentTabs options={scopeTabs} value={scope} onChange={setScope} />
          {severity ? (
            <Text className="alarms__severity" onClick={() => setSeverity('')}>
              仅看{severityLabels[severity]}告警 ✕
            </Text>
          ) : null}
          <AlarmList
            key={`${estateId}/${scope}/${severity}`}
            estateId={estateId}
            scope={scope}
            severity={severity || undefined}
          />
          <SheetExportButtons
            load={(format) =>
              call('analytics', 'export.alarms', {
                estateId,
                scope,
                ...(severity ? { severity } : {}),
                format,
              })
            }
          />
        </>
      )}
    </StaffPage>
  );
}

function AlarmList({ estateId, scope, severity }: { estateId: string; scope: Scope; severity?: Severity }) {
  const list = useRemote(
    () => call('iot', 'alarms', { estateId, scope, severity }),
    [estateId, scope, severity],
  );
  useReloadOnShow(list.refresh);
  return (
    <RemoteView remote={list}>
      {(view: AlarmListView) => (
        <>
          <View className="alarms__bar">
            <View className="alarms__counts">
              <Text className="alarms__count alarms__count--hot">未确认 {view.counts.active_unacked}</Text>
              <Text className="alarms__count">处理中 {view.counts.active_acked}</Text>
            </View>
            <Text
              className="alarms__link"
              onClick={() => void Taro.navigateTo({ url: '/admin/iot-rules/index' })}
            >
              告警规则 ›
            </Text>
          </View>
          {view.items.length === 0 ? (
            <EmptyState
              glyph="✓"
              title={scope === 'active' ? '没有未处理的告警' : '还没有已恢复的告警'}
              description={scope === 'active' ? '设备运行正常，有告警时会通知值班人员' : undefined}
            />
          ) : (
            view.items.map((alarm) => (
              <AlarmCard key={`${alarm.alarmId}:${alarm.state}`} alarm={alarm} onChanged={list.refresh} />
            ))
          )}
        </>
      )}
    </RemoteView>
  );
}

function AlarmCard({ alarm, onChanged }: { alarm: AlarmView; onChanged: () => void }) {
  const [resolving, setResolving] = useState(false);
  const ack = useAction(async () => {
    await call('iot', 'ack', { alarmId: alarm.alarmId });
    void Taro.showToast({ title: '已确认', icon: 'success' });
    onChanged();
  });
  const active = alarm.state !== 'cleared';
  return (
    <View className={`alarm-card alarm-card--${alarm.severity}`}>
      <View className="alarm-card__head">
        <Text className={`alarm-card__level alarm-card__level--${alarm.severity}`}>
          {alarm.severityLabel}
        </Text>
        <Text className="alarm-card__title">{alarm.label}</Text>
        <Text className={`alarm-card__state alarm-card__state--${alarm.state}`}>{alarm.stateLabel}</Text>
      </View>
      <Text className="alarm-card__device">
        {alarm.deviceName} · {alarm.locationLabel}
      </Text>
      <Text className="alarm-card__summary">{alarm.summary}</Text>
      <View className="alarm-card__meta">
        <Text>告警时间 {formatDateTime(alarm.raisedAt)}</Text>
        {alarm.repeats > 0 ? <Text>重复上报 {alarm.repeats} 次</Text> : null}
        {alarm.flapping ? <Text>短时间内反复触发（告警抖动），未重复通知</Text> : null}
        {alarm.ackedBy && alarm.ackedAt ? (
          <Text>
            {alarm.ackedBy} 于 {formatDateTime(alarm.ackedAt)} 确认
          </Text>
        ) : null}
        {alarm.escalatedAt ? <Text className="alarm-card__escalated">超时未确认，已通知管理员</Text> : null}
        {alarm.clearedAt ? (
          <Text>
            {formatDateTime(alarm.clearedAt)}{' '}
            {alarm.clearedBy === '设备恢复' ? '设备已恢复' : `${alarm.clearedBy ?? ''}关闭`}
            {alarm.clearNote ? `：${alarm.clearNote}` : ''}
          </Text>
        ) : null}
      </View>
      {alarm.workOrderId ? (
        <Text
          className="alarm-card__order"
          onClick={() =>
            void Taro.navigateTo({
              url: `/admin/workorder/index?id=${encodeURIComponent(alarm.workOrderId!)}`,
            })
          }
        >
          维修工单 {alarm.workOrderNo ?? ''} ›
        </Text>
      ) : null}
      {ack.failure ? <Text className="alarm-card__error">{ack.failure.message}</Text> : null}
      {active && !resolving ? (
        <View className="alarm-card__actions">
          {alarm.state === 'active_unacked' ? (
            <Button size="small" type="primary" loading={ack.pending} onClick={() => void ack.run()}>
              确认告警
            </Button>
          ) : null}
          <Button size="small" onClick={() => setResolving(true)}>
            处理完成
          </Button>
        </View>
      ) : null}
      {resolving ? (
        <ReasonForm
          title="关闭告警"
          suggestions={resolveSuggestions}
          placeholder="请写明处理结果"
          submitLabel="关闭告警"
          onClose={() => setResolving(false)}
          onSubmit={async (note) => {
            await call('iot', 'resolve', { alarmId: alarm.alarmId, note });
            setResolving(false);
            void Taro.showToast({ title: '已关闭', icon: 'success' });
            onChanged();
          }}
        />
      ) : null}
    </View>
  );
}
