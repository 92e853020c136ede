import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  MAX_PHOTOS,
  Priority,
  priorityLabels,
  WorkOrderCategory,
  workOrderCategoryLabels,
  type SearchHit,
  type WorkOrderLocationInput,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { FormCard, FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { PhotoPicker } from '../../components/photo-picker';
import { LocationField } from '../../components/repair-fields/location-field';
import { VisitTimeField, type VisitTime } from '../../components/repair-fields/visit-time-field';
import { TextArea } from '../../components/text-area';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { workOrderPageRoles } from '../workorders/roles';
import './index.css';

const channels = [
  { value: 'phone', label: '电话报修' },
  { value: 'walk_in', label: '前台登记' },
] as const;
const categories = WorkOrderCategory.options.map((value) => ({
  value,
  label: workOrderCategoryLabels[value],
}));
const priorities: Array<{ value: Priority | ''; label: string }> = [
  { value: '', label: '系统判定' },
  ...Priority.options.map((value) => ({ value, label: priorityLabels[value] })),
];

/** The desk registers a repair an owner phoned in or brought to the front desk. */
export default function WorkOrderNew() {
  return (
    <StaffPage allow={workOrderPageRoles.desk}>
      {({ estateId }) => <NewOrder key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

function NewOrder({ estateId }: { estateId: string }) {
  const [household, setHousehold] = useState<SearchHit | null>(null);
  if (!household) return <FindHousehold estateId={estateId} onPick={setHousehold} />;
  return <OrderForm household={household} onChangeHousehold={() => setHousehold(null)} />;
}

function FindHousehold({ estateId, onPick }: { estateId: string; onPick: (hit: SearchHit) => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const search = useAction((text: string) =>
    call('property', 'search', { estateId, query: text, limit: 10 }),
  );
  const onSearch = async () => {
    const text = query.trim();
    if (!text) return;
    const result = await search.run(text);
    if (result) setHits(result.hits);
  };
  return (
    <FormCard>
      <FormField label="报修房屋" hint="输入房号、业主姓名或手机号查找" error={search.failure?.message}>
        <View className="wo-new__search">
          <View className="wo-new__search-input">
            <TextInput
              placeholder="例如 1-1-1201"
              value={query}
              maxLength={30}
              confirmType="search"
              onChange={setQuery}
              onConfirm={() => void onSearch()}
            />
          </View>
          <Button size="small" type="primary" disabled={search.pending} onClick={() => void onSearch()}>
            查找
          </Button>
        </View>
      </FormField>
      {hits?.length === 0 ? <Text className="wo-new__none">没有找到匹配的房屋</Text> : null}
      {hits?.map((hit) => (
        <View key={hit.householdId} className="wo-new__hit" onClick={() => onPick(hit)}>
          <Text className="wo-new__hit-room">
            {hit.estateName} {hit.roomCode}
          </Text>
          <Text className="wo-new__hit-owner">{hit.ownerNames.join('、') || '未登记业主'} ›</Text>
        </View>
      ))}
    </FormCard>
  );
}

interface Draft {
  channel: 'phone' | 'walk_in';
  contactName: string;
  contactPhone: string;
  category: WorkOrderCategory | null;
  description: string;
  location: WorkOrderLocationInput;
  photos: string[];
  visit: VisitTime;
  priority: Priority | '';
}

function OrderForm({
  household,
  onChangeHousehold,
}: {
  household: SearchHit;
  onChangeHousehold: () => void;
}) {
  const [draft, setDraft] = useState<Draft>({
    channel: 'phone',
    contactName: household.ownerNames[0] ?? '',
    contactPhone: '',
    category: null,
    description: '',
    location: { kind: 'household' },
    photos: [],
    visit: { date: '', slot: 'anytime' },
    priority: '',
  });
  const edit = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = useAction((input: Draft & { category: WorkOrderCategory }) =>
    call('workorder', 'createForOwner', {
      householdId: household.householdId,
      channel: input.channel,
      contactName: input.contactName.trim() || undefined,
      contactPhone: input.contactPhone.trim() || undefined,
      category: input.category,
      description: input.description.trim(),
      location: input.location,
      photos: input.photos,
      preferredTime: input.visit.date ? { date: input.visit.date, slot: input.visit.slot } : undefined,
      priority: input.priority || undefined,
    }),
  );
  const errors = submit.failure?.fields ?? {};

  const onSubmit = async () => {
    const fields: Record<string, string> = {};
    if (!draft.category) fields.category = '请选择报修类别';
    if (draft.description.trim().length < 2) fields.description = '请描述遇到的问题';
    if (draft.contactPhone.trim() && !/^1\d{10}$/.test(draft.contactPhone.trim()))
      fields.contactPhone = '手机号格式不正确';
    if (!draft.category || Object.keys(fields).length) {
      submit.setFailure({ code: 'VALIDATION', message: '请按标红的提示修改后再提交', fields });
      return;
    }
    const order = await submit.run({ ...draft, category: draft.category });
    if (order)
      void Taro.redirectTo({ url: `/admin/workorder/index?id=${encodeURIComponent(order.orderId)}` });
  };

  return (
    <>
      <View className="wo-new__household">
        <Text className="wo-new__hit-room">
          {household.estateName} {household.roomCode}
        </Text>
        <Text className="wo-new__change" onClick={onChangeHousehold}>
          更换房屋
        </Text>
      </View>
      <FormCard>
        <FormField label="报修渠道">
          <ChoiceChips options={channels} value={draft.channel} onChange={(channel) => edit({ channel })} />
        </FormField>
        <FormField label="联系人" error={errors.contactName}>
          <TextInput
            placeholder="报修人姓名"
            value={draft.contactName}
            maxLength={30}
            onChange={(contactName) => edit({ contactName })}
          />
        </FormField>
        <FormField label="联系电话" hint="不填则使用房屋登记的手机号" error={errors.contactPhone}>
          <TextInput
            type="number"
            placeholder="11 位手机号"
            value={draft.contactPhone}
            maxLength={11}
            onChange={(contactPhone) => edit({ contactPhone })}
          />
        </FormField>
        <FormField label="报修类别" error={errors.category}>
          <ChoiceChips
            options={categories}
            value={draft.category}
            onChange={(category) => edit({ category })}
          />
        </FormField>
        <FormField label="问题描述" error={errors.description}>
          <TextArea
            value={draft.description}
            onChange={(description) => edit({ description })}
            placeholder="记录业主描述的问题"
            maxLength={500}
          />
        </FormField>
        <FormField label="报修位置" error={errors.location ?? errors['location.deviceId']}>
          <LocationField
            roomCode={household.roomCode}
            value={draft.location}
            onChange={(location) => edit({ location })}
          />
        </FormField>
        <FormField label="优先级" hint="默认按类别和描述自动判定">
          <ChoiceChips
            options={priorities}
            value={draft.priority}
            onChange={(priority) => edit({ priority })}
          />
        </FormField>
        <FormField label="期望上门时间">
          <VisitTimeField value={draft.visit} onChange={(visit) => edit({ visit })} />
        </FormField>
        <FormField label="照片（选填）" error={errors.photos}>
          <PhotoPicker
            photos={draft.photos}
            onChange={(photos) => edit({ photos })}
            max={MAX_PHOTOS}
            folder="repairs"
          />
        </FormField>
      </FormCard>
      {submit.failure ? <MessageBlock tone="error" title={submit.failure.message} /> : null}
      <Button type="primary" block disabled={submit.pending} onClick={() => void onSubmit()}>
        {submit.pending ? '正在提交…' : '登记报修'}
      </Button>
    </>
  );
}
