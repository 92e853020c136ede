import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { roleLabels, skillLabels, StaffRole, type Shift, type Skill, type StaffView } from '@linli/shared';
import { useState } from 'react';
import { goBack } from '../../components/back-row';
import { ChoiceChips, MultiChoiceChips } from '../../components/choice-chips';
import { FormCard, FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { useEstateNames } from '../components/estate-picker';
import { JoinCode } from './join-code';
import { ShiftsEditor } from './shifts-editor';

const roles = StaffRole.options.map((value) => ({ value, label: roleLabels[value] }));
const skills = (Object.keys(skillLabels) as Skill[]).map((value) => ({ value, label: skillLabels[value] }));
const levels = [1, 2, 3, 4, 5].map((value) => ({ value, label: `${value} 级` }));

interface Draft {
  name: string;
  phone: string;
  roles: StaffRole[];
  estateIds: string[];
  skills: Skill[];
  level: number;
  shifts: Shift[];
}

function checkDraft(draft: Draft): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!draft.name.trim()) fields.name = '请填写姓名';
  if (!/^1\d{10}$/.test(draft.phone.trim())) fields.phone = '请输入 11 位手机号';
  if (draft.roles.length === 0) fields.roles = '至少选择一个岗位';
  if (draft.estateIds.length === 0) fields.estateIds = '至少选择一个小区';
  if (draft.shifts.some((s) => s.start === s.end)) fields.shifts = '班次的开始与结束时间不能相同';
  return fields;
}

/** The server names nested fields (`shifts.0.start`); a field shows any error under its name. */
function errorOf(fields: Record<string, string>, name: string): string | undefined {
  return Object.entries(fields).find(([path]) => path === name || path.startsWith(`${name}.`))?.[1];
}

interface StaffFormProps {
  /** Estates the admin serves: the only ones a staff member can be given. */
  estateIds: string[];
  defaultEstateId: string;
  member?: StaffView;
}

export function StaffForm({ estateIds, defaultEstateId, member }: StaffFormProps) {
  const names = useEstateNames();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: member?.name ?? '',
    // The list only has the masked number; an edit asks for the whole number again.
    phone: '',
    roles: (member?.roles ?? []) as StaffRole[],
    estateIds: member?.estateIds ?? [defaultEstateId],
    skills: (member?.skills ?? []) as Skill[],
    level: member?.level ?? 3,
    shifts: member?.shifts ?? [],
  }));
  const [created, setCreated] = useState<StaffView | null>(null);
  const edit = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = useAction((d: Draft) =>
    call('staff', 'save', {
      ...(member ? { staffId: member.staffId } : {}),
      ...d,
      name: d.name.trim(),
      phone: d.phone.trim(),
      // Skills only mean something for dispatch, which assigns technicians.
      skills: d.roles.includes('technician') ? d.skills : [],
    }),
  );
  const errors = save.failure?.fields ?? {};

  const onSave = async () => {
    const fields = checkDraft(draft);
    if (Object.keys(fields).length) {
      save.setFailure({ code: 'VALIDATION', message: '请按标红的提示修改后再保存', fields });
      return;
    }
    const saved = await save.run(draft);
    if (!saved) return;
    if (member) {
      void Taro.showToast({ title: '已保存', icon: 'success' });
      goBack('/admin/staff/index');
    } else {
      setCreated(saved);
    }
  };

  if (created) return <JoinCode member={created} />;
  return (
    <>
      <Text className="section-title">{member ? `编辑员工 · ${member.name}` : '新增员工'}</Text>
      <FormCard>
        <FormField label="姓名" error={errorOf(errors, 'name')}>
          <TextInput
            placeholder="员工姓名"
            value={draft.name}
            maxLength={30}
            onChange={(name) => edit({ name })}
          />
        </FormField>
        <FormField
          label="手机号"
          hint={
            member ? `当前 ${member.phone}；为保护隐私不显示完整号码，保存前请重新输入` : '用于联系与派单通知'
          }
          error={errorOf(errors, 'phone')}
        >
          <TextInput
            type="tel"
            placeholder="11 位手机号"
            value={draft.phone}
            maxLength={11}
            onChange={(phone) => edit({ phone })}
          />
        </FormField>
        <FormField label="岗位" hint="可多选" error={errorOf(errors, 'roles')}>
          <MultiChoiceChips options={roles} values={draft.roles} onChange={(r) => edit({ roles: r })} />
        </FormField>
        <FormField label="负责小区" hint="可多选" error={errorOf(errors, 'estateIds')}>
          <MultiChoiceChips
            options={estateIds.map((id) => ({ value: id, label: names.get(id) ?? id }))}
            values={draft.estateIds}
            onChange={(ids) => edit({ estateIds: ids })}
          />
        </FormField>
        {draft.roles.includes('technician') ? (
          <FormField label="维修技能" hint="派单按技能匹配维修师傅" error={errorOf(errors, 'skills')}>
            <MultiChoiceChips options={skills} values={draft.skills} onChange={(s) => edit({ skills: s })} />
          </FormField>
        ) : null}
        <FormField
          label="等级"
          hint="1 为学徒，5 为资深；难度高的工单优先派给高等级"
          error={errorOf(errors, 'level')}
        >
          <ChoiceChips options={levels} value={draft.level} onChange={(level) => edit({ level })} />
        </FormField>
        <FormField label="每周排班" hint="结束早于开始表示跨夜班" error={errorOf(errors, 'shifts')}>
          <ShiftsEditor shifts={draft.shifts} onChange={(shifts) => edit({ shifts })} />
        </FormField>
      </FormCard>
      {save.failure ? (
        <MessageBlock tone="error" title="保存失败">
          <Text>{save.failure.message}</Text>
        </MessageBlock>
      ) : null}
      <Button type="primary" block disabled={save.pending} onClick={() => void onSave()}>
        {save.pending ? '正在保存…' : member ? '保存修改' : '新增员工'}
      </Button>
    </>
  );
}
