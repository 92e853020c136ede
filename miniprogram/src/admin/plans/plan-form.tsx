import { Text, View } from '@tarojs/components';
import {
  defaultChecklists,
  describeLimits,
  DeviceType,
  deviceTypeLabels,
  RecurrenceKind,
  recurrenceKindLabels,
  Skill,
  skillLabels,
  toLocalDate,
  type DeviceView,
  type PlanFieldsInput,
  type PlanView,
  type Recurrence,
} from '@linli/shared';
import { useState } from 'react';
import { FormCard, FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { OptionPicker } from '../../components/option-picker';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

const typeOptions = DeviceType.options.map((value) => ({
  value,
  label: `${deviceTypeLabels[value]}（全部）`,
}));
const kindOptions = RecurrenceKind.options.map((value) => ({ value, label: recurrenceKindLabels[value] }));
const skillOptions = Skill.options.map((value) => ({ value, label: `${skillLabels[value]}技师` }));

interface Draft {
  name: string;
  deviceType: DeviceType;
  kind: RecurrenceKind;
  start: string;
  days: string;
  skill: Skill;
  leadDays: string;
  active: boolean;
}

interface PlanFormProps {
  estateId: string;
  plan: PlanView | null;
  /** A plan for one device (opened from its page) rather than a device type. */
  deviceId: string | null;
  onDone: () => void;
}

/** 新建 / 修改维护计划: the rule, who does it, how early, and the checklist of the device type. */
export function PlanForm(props: PlanFormProps) {
  const targetId = props.plan?.target.kind === 'device' ? props.plan.target.deviceId : props.deviceId;
  const device = useRemote(
    async () => (targetId ? call('facilities', 'detail', { deviceId: targetId }) : null),
    [targetId],
  );
  return <RemoteView remote={device}>{(d) => <Form {...props} device={d} />}</RemoteView>;
}

function Form({ estateId, plan, device, onDone }: PlanFormProps & { device: DeviceView | null }) {
  const [draft, setDraft] = useState<Draft>(() => ({
    name: plan?.name ?? (device ? `${device.name}月度保养` : ''),
    deviceType: plan?.target.kind === 'type' ? plan.target.deviceType : (device?.type ?? 'lift'),
    kind: plan?.recurrence.kind ?? 'monthly',
    start: plan?.recurrence.start ?? toLocalDate(Date.now()),
    days: plan?.recurrence.kind === 'every_n_days' ? String(plan.recurrence.days) : '30',
    skill:
      plan?.responsible.kind === 'skill'
        ? plan.responsible.skill
        : device?.type === 'lift'
          ? 'lift'
          : 'general',
    leadDays: String(plan?.leadDays ?? 0),
    active: plan?.active ?? true,
  }));
  const edit = (patch: Partial<Draft>) => setDraft((c) => ({ ...c, ...patch }));
  const checklist = plan?.checklist ?? defaultChecklists[device?.type ?? draft.deviceType];
  const save = useAction(async (d: Draft) => {
    const recurrence: Recurrence =
      d.kind === 'every_n_days'
        ? { kind: d.kind, start: d.start, days: Number(d.days) }
        : { kind: d.kind, start: d.start };
    const fields: PlanFieldsInput = {
      name: d.name.trim(),
      target: device
        ? { kind: 'device', deviceId: device.deviceId }
        : { kind: 'type', deviceType: d.deviceType },
      recurrence,
      checklist,
      responsible: { kind: 'skill', skill: d.skill },
      leadDays: Number(d.leadDays) || 0,
      active: d.active,
    };
    return call('facilities', 'savePlan', {
      estateId,
      ...(plan ? { planId: plan.planId, version: plan.version } : {}),
      plan: fields,
    });
  });
  const errors = save.failure?.fields ?? {};
  const onSave = async () => {
    if (!draft.name.trim()) {
      save.setFailure({
        code: 'VALIDATION',
        message: '请填写计划名称',
        fields: { 'plan.name': '请填写计划名称' },
      });
      return;
    }
    if (await save.run(draft)) onDone();
  };
  return (
    <>
      <Text className="section-title">{plan ? `修改计划 · ${plan.name}` : '新建维护计划'}</Text>
      <FormCard>
        <FormField label="计划名称" error={errors['plan.name']}>
          <TextInput
            placeholder="如 电梯月度检查"
            value={draft.name}
            maxLength={40}
            onChange={(name: string) => edit({ name })}
          />
        </FormField>
        <FormField label="适用设备">
          {device ? (
            <Text className="fac-card__meta">
              {device.name} {device.code}
            </Text>
          ) : (
            <OptionPicker
              title="适用设备"
              options={typeOptions}
              value={draft.deviceType}
              onChange={(deviceType) => edit({ deviceType: deviceType as DeviceType })}
            />
          )}
        </FormField>
        <OptionPicker
          title="周期"
          options={kindOptions}
          value={draft.kind}
          onChange={(kind) => edit({ kind: kind as RecurrenceKind })}
        />
        {draft.kind === 'every_n_days' ? (
          <FormField label="间隔天数" error={errors['plan.recurrence.days']}>
            <TextInput
              type="number"
              value={draft.days}
              maxLength={4}
              onChange={(days: string) => edit({ days })}
            />
          </FormField>
        ) : null}
        <FormField
          label="首次日期"
          hint="之后按周期顺延；31 日在小月取月末"
          error={errors['plan.recurrence.start']}
        >
          <TextInput
            placeholder="2026-01-31"
            value={draft.start}
            maxLength={10}
            onChange={(start: string) => edit({ start })}
          />
        </FormField>
        <OptionPicker
          title="负责人"
          options={skillOptions}
          value={draft.skill}
          onChange={(skill) => edit({ skill: skill as Skill })}
        />
        <FormField label="提前生成工单（天）" error={errors['plan.leadDays']}>
          <TextInput
            type="number"
            value={draft.leadDays}
            maxLength={2}
            onChange={(leadDays: string) => edit({ leadDays })}
          />
        </FormField>
        {plan ? (
          <FormField label="状态">
            <Button size="small" onClick={() => edit({ active: !draft.active })}>
              {draft.active ? '执行中（点此暂停）' : '已暂停（点此恢复）'}
            </Button>
          </FormField>
        ) : null}
      </FormCard>
      <Text className="section-title">检查表（{checklist.length} 项）</Text>
      <View className="fac-card">
        {checklist.map((item) => (
          <Text key={item.key} className="fac-card__meta">
            · {item.label}（{describeLimits(item)}）
          </Text>
        ))}
      </View>
      {save.failure ? <Text className="fac-error">{save.failure.message}</Text> : null}
      <View className="fac-actions">
        <Button type="primary" disabled={save.pending} onClick={() => void onSave()}>
          保存计划
        </Button>
        <Button onClick={onDone}>取消</Button>
      </View>
    </>
  );
}
