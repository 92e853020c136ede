import { Text } from '@tarojs/components';
import { normalizeRoomCode, relationLabels, type BindingView, type Relation } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { FormCard, FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { RemoteView } from '../../components/remote-view';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { ClaimFailure } from './claim-failure';

const relations = (Object.keys(relationLabels) as Relation[]).map((value) => ({
  value,
  label: relationLabels[value],
}));

interface RoomClaim {
  estateId: string;
  roomCode: string;
  name: string;
  phoneLast4: string;
  relation: Relation;
}

/** Our own check first, so the common slips get a plain message before any attempt is counted. */
function checkClaim(claim: RoomClaim): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!claim.estateId) fields.estateId = '请选择小区';
  if (!normalizeRoomCode(claim.roomCode)) fields.roomCode = '房号格式不正确，例如 3-2-1201';
  if (!claim.name.trim()) fields.name = '请填写业主姓名';
  if (!/^\d{4}$/.test(claim.phoneLast4.trim())) fields.phoneLast4 = '请输入手机号后 4 位数字';
  return fields;
}

export function ClaimByRoom({ onClaimed }: { onClaimed: (binding: BindingView) => void }) {
  const estates = useRemote(() => call('binding', 'estates', {}), []);
  return (
    <RemoteView remote={estates}>
      {({ estates: list }) => (
        <RoomForm estates={list.map((e) => ({ value: e.estateId, label: e.name }))} onClaimed={onClaimed} />
      )}
    </RemoteView>
  );
}

function RoomForm({
  estates,
  onClaimed,
}: {
  estates: Array<{ value: string; label: string }>;
  onClaimed: (binding: BindingView) => void;
}) {
  const [claim, setClaim] = useState<RoomClaim>({
    estateId: estates.length === 1 ? (estates[0]?.value ?? '') : '',
    roomCode: '',
    name: '',
    phoneLast4: '',
    relation: 'owner',
  });
  const edit = (patch: Partial<RoomClaim>) => setClaim((current) => ({ ...current, ...patch }));
  const submit = useAction((input: RoomClaim) =>
    call('binding', 'claim', { ...input, name: input.name.trim(), phoneLast4: input.phoneLast4.trim() }),
  );
  const errors = submit.failure?.fields ?? {};

  const onSubmit = async () => {
    const fields = checkClaim(claim);
    if (Object.keys(fields).length) {
      submit.setFailure({ code: 'VALIDATION', message: '请按标红的提示修改后再提交', fields });
      return;
    }
    const binding = await submit.run(claim);
    if (binding) onClaimed(binding);
  };

  return (
    <>
      <FormCard>
        <FormField label="小区" error={errors.estateId}>
          <ChoiceChips options={estates} value={claim.estateId} onChange={(estateId) => edit({ estateId })} />
        </FormField>
        <FormField label="房号" hint="楼栋-单元-房号，例如 3-2-1201" error={errors.roomCode}>
          <TextInput
            placeholder="例如 3-2-1201"
            value={claim.roomCode}
            maxLength={30}
            onChange={(roomCode) => edit({ roomCode })}
          />
        </FormField>
        <FormField label="登记的业主姓名" hint="与物业登记的姓名一致" error={errors.name}>
          <TextInput
            placeholder="请输入业主姓名"
            value={claim.name}
            maxLength={30}
            onChange={(name) => edit({ name })}
          />
        </FormField>
        <FormField label="登记手机号后 4 位" hint="物业登记的手机号的最后 4 位" error={errors.phoneLast4}>
          <TextInput
            type="number"
            placeholder="例如 0942"
            value={claim.phoneLast4}
            maxLength={4}
            onChange={(phoneLast4) => edit({ phoneLast4 })}
          />
        </FormField>
        <FormField label="您与房屋的关系" error={errors.relation}>
          <ChoiceChips
            options={relations}
            value={claim.relation}
            onChange={(relation) => edit({ relation })}
          />
        </FormField>
      </FormCard>
      <ClaimFailure failure={submit.failure} />
      <Button type="primary" block disabled={submit.pending} onClick={() => void onSubmit()}>
        {submit.pending ? '正在提交…' : '提交绑定申请'}
      </Button>
      <Text className="bind__note">
        核验未通过 5 次后需等待 1 小时。信息无误仍无法通过时，请联系物业服务中心。
      </Text>
    </>
  );
}
