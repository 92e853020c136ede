import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  DeviceType,
  deviceTypeLabels,
  metricInfo,
  Severity,
  severityLabels,
  type Rule,
  type RuleSetView,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { Button } from '../../components/nutui';
import { OptionPicker } from '../../components/option-picker';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { alarmPageRoles } from '../alarms/roles';
import { StaffPage } from '../components/staff-page';
import './index.css';

/** Device types that report telemetry worth rules. */
const typeOptions = DeviceType.options
  .filter((type) => type !== 'extinguisher')
  .map((value) => ({ value, label: deviceTypeLabels[value] }));
const severityChoices = Severity.options.map((value) => ({ value, label: severityLabels[value] }));

/** 告警规则: each device type's rules for the estate; admins edit the numbers (changes reach the bridge within a minute). */
export default function IotRules() {
  const [deviceType, setDeviceType] = useState<DeviceType>('fire_pump');
  return (
    <StaffPage allow={alarmPageRoles.rules}>
      {({ estateId, has }) => (
        <>
          <OptionPicker
            title="设备类型"
            options={typeOptions}
            value={deviceType}
            onChange={(value) => setDeviceType(value as DeviceType)}
          />
          <RuleSet
            key={`${estateId}/${deviceType}`}
            estateId={estateId}
            deviceType={deviceType}
            editable={has('admin')}
          />
        </>
      )}
    </StaffPage>
  );
}

function RuleSet({
  estateId,
  deviceType,
  editable,
}: {
  estateId: string;
  deviceType: DeviceType;
  editable: boolean;
}) {
  const remote = useRemote(() => call('iot', 'rules', { estateId, deviceType }), [estateId, deviceType]);
  return (
    <RemoteView remote={remote}>
      {(view: RuleSetView) => (
        <RuleEditor
          key={String(view.updatedAt)}
          view={view}
          estateId={estateId}
          editable={editable}
          onSaved={remote.refresh}
        />
      )}
    </RemoteView>
  );
}

function RuleEditor(props: { view: RuleSetView; estateId: string; editable: boolean; onSaved: () => void }) {
  const { view, estateId, editable } = props;
  const [rules, setRules] = useState<Rule[]>(view.rules);
  const edit = (index: number, patch: Partial<Rule>) =>
    setRules((current) => current.map((rule, i) => (i === index ? ({ ...rule, ...patch } as Rule) : rule)));
  const save = useAction(async (reset: boolean) => {
    await call('iot', 'saveRules', {
      estateId,
      deviceType: view.deviceType,
      rules: reset ? [] : rules,
      reset,
    });
    void Taro.showToast({ title: reset ? '已恢复默认' : '已保存', icon: 'success' });
    props.onSaved();
  });
  return (
    <View className="iot-rules">
      <Text className="iot-rules__source">
        {view.isDefault ? '使用系统默认规则' : `${view.updatedBy ?? ''} 修改的规则`}
      </Text>
      {rules.map((rule, index) => (
        <View key={rule.id} className={rule.enabled ? 'iot-rule' : 'iot-rule iot-rule--off'}>
          <View className="iot-rule__head">
            <Text className={`iot-rule__level iot-rule__level--${rule.severity}`}>
              {severityLabels[rule.severity]}
            </Text>
            <Text className="iot-rule__title">{rule.label}</Text>
            {editable ? (
              <Text className="iot-rule__toggle" onClick={() => edit(index, { enabled: !rule.enabled })}>
                {rule.enabled ? '停用' : '启用'}
              </Text>
            ) : (
              <Text className="iot-rule__toggle iot-rule__toggle--static">
                {rule.enabled ? '启用中' : '已停用'}
              </Text>
            )}
          </View>
          <Text className="iot-rule__text">{describe(rule)}</Text>
          {editable ? (
            <>
              <RuleNumbers rule={rule} onChange={(patch) => edit(index, patch)} />
              <ChoiceChips
                options={severityChoices}
                value={rule.severity}
                onChange={(severity) => edit(index, { severity })}
              />
            </>
          ) : null}
        </View>
      ))}
      {save.failure ? <Text className="iot-rules__error">{save.failure.message}</Text> : null}
      {editable ? (
        <View className="iot-rules__actions">
          <Button size="small" disabled={view.isDefault || save.pending} onClick={() => void save.run(true)}>
            恢复默认
          </Button>
          <Button size="small" type="primary" loading={save.pending} onClick={() => void save.run(false)}>
            保存规则
          </Button>
        </View>
      ) : null}
    </View>
  );
}

const unitOf = (metric: string) => metricInfo[metric]?.unit ?? '';
const nameOf = (metric: string) => metricInfo[metric]?.label ?? metric;

/** The rule in one sentence, as staff think of it. */
function describe(rule: Rule): string {
  switch (rule.kind) {
    case 'threshold': {
      const side = rule.op === 'lt' ? '低于' : '高于';
      const hold = rule.forSeconds > 0 ? `，持续 ${rule.forSeconds} 秒` : '';
      return `${nameOf(rule.metric)}${side} ${rule.value} ${unitOf(rule.metric)}${hold}时告警；回到 ${rule.clearValue} ${unitOf(rule.metric)} 才恢复`;
    }
    case 'rate': {
      const move = { down: '下降', up: '上升', both: '变化' }[rule.direction];
      return `${rule.windowSeconds} 秒内${nameOf(rule.metric)}每分钟${move}超过 ${rule.perMinute} ${unitOf(rule.metric)}时告警；不超过 ${rule.clearPerMinute} 恢复`;
    }
    case 'fault': {
      const ignored = rule.ignore.length ? `（忽略 ${rule.ignore.join('、')}）` : '';
      return `设备上报故障码时告警${ignored}；连续 ${rule.clearSeconds} 秒无故障码才恢复`;
    }
    case 'offline':
      return rule.minutes > 0 ? `断开连接或 ${rule.minutes} 分钟无数据时告警` : '断开连接时立即告警';
  }
}

type NumberField = { key: string; label: string };
const numberFields: Record<Rule['kind'], NumberField[]> = {
  threshold: [
    { key: 'value', label: '告警值' },
    { key: 'clearValue', label: '恢复值' },
    { key: 'forSeconds', label: '持续秒数' },
  ],
  rate: [
    { key: 'perMinute', label: '告警变化率' },
    { key: 'clearPerMinute', label: '恢复变化率' },
  ],
  fault: [{ key: 'clearSeconds', label: '恢复等待秒数' }],
  offline: [{ key: 'minutes', label: '离线分钟' }],
};

function RuleNumbers({ rule, onChange }: { rule: Rule; onChange: (patch: Partial<Rule>) => void }) {
  // What is typed stays as typed ("0." on the way to "0.25"); the rule takes it once it is a number.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const fields = numberFields[rule.kind];
  if (!fields.length) return null;
  const values = rule as unknown as Record<string, number>;
  return (
    <View className="iot-rule__numbers">
      {fields.map((field) => (
        <View key={field.key} className="iot-rule__number">
          <Text className="iot-rule__number-label">{field.label}</Text>
          <TextInput
            type="digit"
            value={drafts[field.key] ?? String(values[field.key] ?? '')}
            onChange={(text: string) => {
              setDrafts((current) => ({ ...current, [field.key]: text }));
              const number = Number(text);
              if (/^\d+(\.\d+)?$/.test(text.trim()) && Number.isFinite(number))
                onChange({ [field.key]: number });
            }}
          />
        </View>
      ))}
    </View>
  );
}
