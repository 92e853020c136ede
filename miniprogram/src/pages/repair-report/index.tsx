import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  assessPriority,
  DAILY_REPORT_LIMIT,
  MAX_PHOTOS,
  priorityLabels,
  WorkOrderCategory,
  workOrderCategoryLabels,
  type BoundHousehold,
  type MeView,
  WorkOrderLocationInput,
} from '@linli/shared';
import { useState } from 'react';
import { BackRow } from '../../components/back-row';
import { BindNotice } from '../../components/bind-notice';
import { ChoiceChips } from '../../components/choice-chips';
import { FormCard, FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button, CellGroup } from '../../components/nutui';
import { OptionPicker } from '../../components/option-picker';
import { PhotoPicker } from '../../components/photo-picker';
import { RemoteView } from '../../components/remote-view';
import { LocationField } from '../../components/repair-fields/location-field';
import { VisitTimeField, type VisitTime } from '../../components/repair-fields/visit-time-field';
import { Screen } from '../../components/screen';
import { TextArea } from '../../components/text-area';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { pickCurrentHousehold } from '../../state/current-household';
import './index.css';

const categories = WorkOrderCategory.options.map((value) => ({
  value,
  label: workOrderCategoryLabels[value],
}));

interface Report {
  householdId: string;
  category: WorkOrderCategory | null;
  description: string;
  location: WorkOrderLocationInput;
  photos: string[];
  visit: VisitTime;
}

export default function RepairReport() {
  const me = useRemote(() => call('account', 'me', {}), []);
  return (
    <Screen>
      <BackRow label="返回报修" fallbackUrl="/pages/repair/index" fallbackIsTab />
      <RemoteView remote={me}>
        {(account) => (account.households.length ? <ReportForm account={account} /> : <BindNotice />)}
      </RemoteView>
    </Screen>
  );
}

/** Our own checks first, so the common slips get a message next to the field. */
function checkReport(report: Report): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!report.category) fields.category = '请选择报修类别';
  if (report.description.trim().length < 2) fields.description = '请描述遇到的问题';
  return fields;
}

/**
 * What a scanned device label fills in (`?deviceId=&category=&area=&buildingId=&note=&householdId=`,
 * see components/scan-device); anything malformed is ignored and left for the owner to choose.
 */
function prefillFromLink(
  params: Record<string, string | undefined>,
  households: BoundHousehold[],
): Partial<Report> {
  const decoded = (key: string) => (params[key] ? decodeURIComponent(params[key]) : undefined);
  const location = WorkOrderLocationInput.safeParse({
    kind: 'public',
    area: decoded('area'),
    deviceId: decoded('deviceId'),
    buildingId: decoded('buildingId') || undefined,
    note: decoded('note')?.slice(0, 30) || undefined,
  });
  if (!location.success) return {};
  const category = WorkOrderCategory.safeParse(decoded('category'));
  const householdId = decoded('householdId');
  return {
    location: location.data,
    ...(category.success ? { category: category.data } : {}),
    ...(households.some((h) => h.householdId === householdId) && householdId ? { householdId } : {}),
  };
}

function ReportForm({ account }: { account: MeView }) {
  const [report, setReport] = useState<Report>(() => ({
    householdId: pickCurrentHousehold(account.households)?.householdId ?? '',
    category: null,
    description: '',
    location: { kind: 'household' },
    photos: [],
    visit: { date: '', slot: 'anytime' },
    ...prefillFromLink(Taro.getCurrentInstance().router?.params ?? {}, account.households),
  }));
  const edit = (patch: Partial<Report>) => setReport((current) => ({ ...current, ...patch }));
  const household: BoundHousehold | undefined =
    account.households.find((h) => h.householdId === report.householdId) ?? account.households[0];

  const submit = useAction((input: Report & { category: WorkOrderCategory }) =>
    call('workorder', 'report', {
      householdId: input.householdId,
      category: input.category,
      description: input.description.trim(),
      location: input.location,
      photos: input.photos,
      preferredTime: input.visit.date ? { date: input.visit.date, slot: input.visit.slot } : undefined,
    }),
  );
  const errors = submit.failure?.fields ?? {};

  const onSubmit = async () => {
    const fields = checkReport(report);
    if (!report.category || Object.keys(fields).length) {
      submit.setFailure({ code: 'VALIDATION', message: '请按标红的提示修改后再提交', fields });
      return;
    }
    const order = await submit.run({ ...report, category: report.category });
    if (order)
      void Taro.redirectTo({
        url: `/pages/repair-detail/index?id=${encodeURIComponent(order.orderId)}&new=1`,
      });
  };

  const assessed = report.category ? assessPriority(report.category, report.description) : null;

  return (
    <>
      {account.households.length > 1 ? (
        <CellGroup>
          <OptionPicker
            title="报修房屋"
            value={report.householdId}
            options={account.households.map((h) => ({
              value: h.householdId,
              label: `${h.estateName} ${h.roomCode}`,
            }))}
            onChange={(householdId) => edit({ householdId })}
          />
        </CellGroup>
      ) : null}
      <FormCard>
        <FormField label="报修类别" error={errors.category}>
          <ChoiceChips
            options={categories}
            value={report.category}
            onChange={(category) => edit({ category })}
          />
        </FormField>
        <FormField
          label="问题描述"
          hint="说明哪里坏了、什么情况，例如：厨房水槽下水管漏水"
          error={errors.description}
        >
          <TextArea
            value={report.description}
            onChange={(description) => edit({ description })}
            placeholder="请描述遇到的问题"
            maxLength={500}
          />
        </FormField>
        <FormField label="报修位置" error={errors.location ?? errors['location.deviceId']}>
          <LocationField
            roomCode={household?.roomCode ?? ''}
            value={report.location}
            onChange={(location) => edit({ location })}
          />
        </FormField>
        <FormField
          label="现场照片（选填）"
          hint={`最多 ${MAX_PHOTOS} 张，有助于师傅带对工具和配件`}
          error={errors.photos}
        >
          <PhotoPicker
            photos={report.photos}
            onChange={(photos) => edit({ photos })}
            max={MAX_PHOTOS}
            folder="repairs"
          />
        </FormField>
        <FormField label="期望上门时间" error={errors['preferredTime.date'] ?? errors.preferredTime}>
          <VisitTimeField value={report.visit} onChange={(visit) => edit({ visit })} />
        </FormField>
      </FormCard>
      {assessed && assessed.priority !== 'normal' ? (
        <MessageBlock tone={assessed.priority === 'urgent' ? 'warning' : 'info'}>
          <Text>
            将按「{priorityLabels[assessed.priority]}」处理
            {assessed.reasons.length ? `（${assessed.reasons.join('、')}）` : ''}
            {assessed.priority === 'urgent' ? '。情况危急时请同时拨打物业服务电话。' : ''}
          </Text>
        </MessageBlock>
      ) : null}
      {submit.failure ? <MessageBlock tone="error" title={submit.failure.message} /> : null}
      <Button type="primary" block disabled={submit.pending} onClick={() => void onSubmit()}>
        {submit.pending ? '正在提交…' : '提交报修'}
      </Button>
      <Text className="repair-report__note">
        同一账号每天最多提交 {DAILY_REPORT_LIMIT} 单报修，相同的问题一天内请勿重复提交。
      </Text>
    </>
  );
}
