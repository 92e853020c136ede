import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { InspectionSummary, PlanView } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { useAction } from '../../hooks/use-action';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { facilityPageRoles } from '../devices/roles';
import { PlanForm } from './plan-form';
import '../devices/facility.css';

type Tab = 'open' | 'done' | 'plans';
const tabs = [
  { value: 'open', label: '待完成' },
  { value: 'done', label: '已完成' },
  { value: 'plans', label: '维护计划' },
] as const;

/** 巡检保养: the visits to do (overdue first, flagged), those done, and the plans behind them. */
export default function Plans() {
  const params = useRouter().params;
  const deviceId = params.deviceId ? decodeURIComponent(params.deviceId) : null;
  const [tab, setTab] = useState<Tab>(deviceId ? 'plans' : 'open');
  return (
    <StaffPage allow={facilityPageRoles.plans}>
      {({ estateId, has }) => (
        <>
          <View className="fac-bar">
            <SegmentTabs options={tabs} value={tab} onChange={setTab} />
          </View>
          {tab === 'plans' ? (
            <PlanList key={estateId} estateId={estateId} admin={has('admin')} deviceId={deviceId} />
          ) : (
            <Visits key={`${estateId}/${tab}`} estateId={estateId} filter={tab} />
          )}
        </>
      )}
    </StaffPage>
  );
}

function Visits({ estateId, filter }: { estateId: string; filter: 'open' | 'done' }) {
  const list = useRemote(() => call('facilities', 'inspections', { estateId, filter }), [estateId, filter]);
  useReloadOnShow(list.refresh);
  return (
    <RemoteView remote={list}>
      {(items: InspectionSummary[]) => {
        if (items.length === 0)
          return (
            <EmptyState
              glyph="✓"
              title={filter === 'open' ? '没有待完成的巡检保养' : '还没有完成的巡检保养'}
            />
          );
        const overdue = items.filter((i) => i.overdue).length;
        return (
          <>
            {overdue ? <Text className="fac-error">{overdue} 项已逾期，请尽快完成</Text> : null}
            {[...items]
              .sort((a, b) => Number(b.overdue) - Number(a.overdue))
              .map((i) => (
                <VisitCard key={i.inspectionId} inspection={i} />
              ))}
          </>
        );
      }}
    </RemoteView>
  );
}

function VisitCard({ inspection }: { inspection: InspectionSummary }) {
  const tone =
    inspection.overdue || inspection.outcome === 'failed'
      ? 'bad'
      : inspection.outcome === 'passed'
        ? 'ok'
        : 'info';
  return (
    <View
      className={`fac-card fac-card--${tone}`}
      onClick={() =>
        void Taro.navigateTo({
          url: `/admin/inspection/index?id=${encodeURIComponent(inspection.inspectionId)}`,
        })
      }
    >
      <View className="fac-card__head">
        <Text className="fac-card__title">{inspection.deviceName}</Text>
        <Text className={`fac-badge fac-badge--${tone}`}>{inspection.stateLabel}</Text>
      </View>
      <Text className="fac-card__code">
        {inspection.deviceCode} · {inspection.planName ?? '现场巡检'}
      </Text>
      <Text className="fac-card__meta">
        计划日期 {inspection.dueDate}
        {inspection.maintenanceOrderNo ? ` · 保养工单 ${inspection.maintenanceOrderNo}` : ''}
      </Text>
      {inspection.doneByName ? (
        <Text className="fac-card__muted">
          {inspection.doneByName} 完成
          {inspection.repairOrderNo ? `，已生成报修单 ${inspection.repairOrderNo}` : ''}
        </Text>
      ) : null}
    </View>
  );
}

function PlanList({
  estateId,
  admin,
  deviceId,
}: {
  estateId: string;
  admin: boolean;
  deviceId: string | null;
}) {
  const [editing, setEditing] = useState<PlanView | 'new' | null>(deviceId && admin ? 'new' : null);
  const plans = useRemote(() => call('facilities', 'plans', { estateId }), [estateId]);
  const run = useAction(async () => {
    const report = await call('facilities', 'runMaintenance', { estateId });
    void Taro.showToast({
      title: report.created ? `已生成 ${report.created} 张工单` : '没有到期的保养',
      icon: 'none',
    });
    plans.refresh();
  });
  if (editing)
    return (
      <PlanForm
        estateId={estateId}
        plan={editing === 'new' ? null : editing}
        deviceId={deviceId}
        onDone={() => {
          setEditing(null);
          plans.refresh();
        }}
      />
    );
  return (
    <>
      {admin ? (
        <View className="fac-actions">
          <Button size="small" type="primary" onClick={() => setEditing('new')}>
            新建计划
          </Button>
          <Button size="small" disabled={run.pending} onClick={() => void run.run()}>
            立即生成到期工单
          </Button>
        </View>
      ) : null}
      {run.failure ? <Text className="fac-error">{run.failure.message}</Text> : null}
      <RemoteView remote={plans}>
        {(list: PlanView[]) =>
          list.length === 0 ? (
            <EmptyState
              glyph="↻"
              title="还没有维护计划"
              description="例如电梯每月检查、消防泵每季度联动测试"
            />
          ) : (
            list.map((plan) => (
              <View key={plan.planId} className="fac-card" onClick={() => admin && setEditing(plan)}>
                <View className="fac-card__head">
                  <Text className="fac-card__title">{plan.name}</Text>
                  <Text className={`fac-badge ${plan.active ? 'fac-badge--ok' : ''}`}>
                    {plan.active ? '执行中' : '已暂停'}
                  </Text>
                </View>
                <Text className="fac-card__meta">
                  {plan.targetLabel} · {plan.deviceCount} 台
                </Text>
                <Text className="fac-card__meta">
                  {plan.recurrenceLabel} · {plan.responsibleLabel} · 检查 {plan.checklist.length} 项
                </Text>
                {plan.nextDueDate ? (
                  <Text className="fac-card__muted">
                    下次 {plan.nextDueDate}（提前 {plan.leadDays} 天生成工单）
                  </Text>
                ) : null}
              </View>
            ))
          )
        }
      </RemoteView>
    </>
  );
}
