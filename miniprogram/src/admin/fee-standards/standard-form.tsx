import { Text, View } from '@tarojs/components';
import {
  billingCycleLabels,
  feeKindLabels,
  meterLabels,
  meterUnits,
  propertyTypeLabels,
  type BillingCycle,
  type FeeKind,
  type FeeStandardView,
  type MeterKind,
  type PropertyType,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips, MultiChoiceChips } from '../../components/choice-chips';
import { FormCard, FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { ruleOfDraft, type DraftErrors, type RuleDraft } from './rule-draft';

const options = <V extends string>(labels: Record<V, string>) =>
  (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));

const kindOptions = options(feeKindLabels);
const meterOptions = options(meterLabels);
const propertyTypeOptions = options(propertyTypeLabels);
const lateFeeOptions = [
  { value: 'none' as const, label: '不收' },
  { value: 'daily' as const, label: '按日计' },
  { value: 'fixed' as const, label: '固定金额' },
];

interface StandardFormProps {
  estateId: string;
  initial: RuleDraft;
  /** A new item chooses its code and kind; a new version of an item keeps them. */
  newItem: boolean;
  onSaved: (saved: FeeStandardView) => void;
  onCancel: () => void;
}

/** A new version of a fee standard (or a new fee item): the price, late fee, discounts, from a date. */
export function StandardForm({ estateId, initial, newItem, onSaved, onCancel }: StandardFormProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const save = useAction(async () => {
    const checked = ruleOfDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      throw new Error('invalid');
    }
    setErrors({});
    return call('billing', 'standards.save', { estateId, rule: checked.rule });
  });
  const submit = async () => {
    const saved = await save.run();
    if (saved) onSaved(saved);
  };
  // The server names fields as `rule.unitPrice`; our own check names them `unitPrice`.
  const errorOf = (path: string) => errors[path] ?? save.failure?.fields[`rule.${path}`];
  const text = (
    key: keyof RuleDraft,
    path: string,
    placeholder: string,
    type: 'text' | 'digit' = 'digit',
  ) => (
    <TextInput
      type={type}
      placeholder={placeholder}
      value={draft[key] as string}
      onChange={(value) => set(key, value as never)}
    />
  );
  const monthly = draft.kind === 'area' || draft.kind === 'fixed';

  return (
    <View className="standard-form">
      <Text className="section-title">{newItem ? '新增收费项目' : `新增版本：${initial.name}`}</Text>
      <FormCard>
        {newItem ? (
          <>
            <FormField label="收费类型">
              <ChoiceChips
                options={kindOptions}
                value={draft.kind}
                onChange={(kind: FeeKind) => set('kind', kind)}
              />
            </FormField>
            <FormField
              label="项目代码"
              hint="小写字母开头，如 property、water-hot；创建后不可修改"
              error={errorOf('itemCode')}
            >
              {text('itemCode', 'itemCode', '例如 garbage', 'text')}
            </FormField>
          </>
        ) : null}
        <FormField label="项目名称" error={errorOf('name')}>
          {text('name', 'name', '例如 物业费', 'text')}
        </FormField>
        <FormField
          label="生效日期"
          hint="自该日起按新标准计费，已出账单不受影响"
          error={errorOf('effectiveFrom')}
        >
          {text('effectiveFrom', 'effectiveFrom', 'YYYY-MM-DD', 'text')}
        </FormField>
      </FormCard>

      <FormCard>
        {draft.kind === 'area' ? (
          <>
            <FormField label="单价（元/m²·月）" error={errorOf('unitPrice')}>
              {text('unitPrice', 'unitPrice', '例如 2.35')}
            </FormField>
            <FormField label="计费面积">
              <ChoiceChips
                options={[
                  { value: 'building' as const, label: '建筑面积' },
                  { value: 'inner' as const, label: '套内面积' },
                ]}
                value={draft.areaBasis}
                onChange={(v) => set('areaBasis', v)}
              />
            </FormField>
          </>
        ) : null}
        {draft.kind === 'fixed' ? (
          <>
            <FormField label="收费对象">
              <ChoiceChips
                options={[
                  { value: 'household' as const, label: '每户' },
                  { value: 'parking' as const, label: '每个车位' },
                ]}
                value={draft.basis}
                onChange={(v) => set('basis', v)}
              />
            </FormField>
            <FormField label="金额（元/月）" error={errorOf('amountFen')}>
              {text('amount', 'amountFen', '例如 10.00')}
            </FormField>
          </>
        ) : null}
        {draft.kind === 'one_off' ? (
          <>
            <FormField label="金额（元）" error={errorOf('amountFen')}>
              {text('amount', 'amountFen', '例如 200.00')}
            </FormField>
            <FormField label="出账账期" error={errorOf('billingPeriod')}>
              {text('billingPeriod', 'billingPeriod', 'YYYY-MM', 'text')}
            </FormField>
          </>
        ) : null}
        {draft.kind === 'metered' ? <TiersField draft={draft} set={set} errorOf={errorOf} /> : null}
        <FormField label="适用房屋类型" error={errorOf('propertyTypes')}>
          <MultiChoiceChips
            options={propertyTypeOptions}
            values={draft.propertyTypes}
            onChange={(values: PropertyType[]) => set('propertyTypes', values)}
          />
        </FormField>
        <FormField label="每月缴费截止日" error={errorOf('dueDay')}>
          {text('dueDay', 'dueDay', '1–31')}
        </FormField>
      </FormCard>

      <FormCard>
        <FormField label="滞纳金">
          <ChoiceChips options={lateFeeOptions} value={draft.lateFee} onChange={(v) => set('lateFee', v)} />
        </FormField>
        {draft.lateFee === 'daily' ? (
          <>
            <FormField
              label="日费率（%）"
              hint="0.05 即每天万分之五"
              error={errorOf('lateFee.dailyRatePercent')}
            >
              {text('dailyRatePercent', 'lateFee.dailyRatePercent', '例如 0.05')}
            </FormField>
            <FormField
              label="封顶（本金的 %）"
              hint="留空为不封顶"
              error={errorOf('lateFee.capPercentOfPrincipal')}
            >
              {text('capPercent', 'lateFee.capPercentOfPrincipal', '例如 100')}
            </FormField>
          </>
        ) : null}
        {draft.lateFee === 'fixed' ? (
          <FormField label="滞纳金金额（元）" error={errorOf('lateFee.amountFen')}>
            {text('lateFeeAmount', 'lateFee.amountFen', '例如 20.00')}
          </FormField>
        ) : null}
        {draft.lateFee !== 'none' ? (
          <FormField label="宽限天数" hint="到期后超过该天数才开始计收" error={errorOf('lateFee.graceDays')}>
            {text('graceDays', 'lateFee.graceDays', '例如 15')}
          </FormField>
        ) : null}
      </FormCard>

      {monthly ? (
        <FormCard>
          <FormField label="计费周期" hint={cycleHints[draft.cycle]}>
            <ChoiceChips
              options={cycleOptions}
              value={draft.cycle}
              onChange={(cycle: BillingCycle) => set('cycle', cycle)}
            />
          </FormField>
          <FormField label="空置房收费比例（%）" hint="100 为全额收取" error={errorOf('vacantRatePercent')}>
            {text('vacantRatePercent', 'vacantRatePercent', '0–100')}
          </FormField>
          <FormField label="交房后赠送月数" error={errorOf('freeMonthsAfterHandover')}>
            {text('freeMonths', 'freeMonthsAfterHandover', '0')}
          </FormField>
          <DiscountsField draft={draft} set={set} errorOf={errorOf} />
        </FormCard>
      ) : null}

      {Object.keys(errors).length ? (
        <MessageBlock tone="error" title="请修改标红的内容" />
      ) : save.failure ? (
        <MessageBlock tone="error" title="保存失败">
          <Text>{save.failure.message}</Text>
        </MessageBlock>
      ) : null}
      <View className="standard-form__buttons">
        <Button fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" disabled={save.pending} onClick={() => void submit()}>
          {save.pending ? '正在保存…' : '保存版本'}
        </Button>
      </View>
    </View>
  );
}

const cycleOptions = (Object.keys(billingCycleLabels) as BillingCycle[]).map((value) => ({
  value,
  label: billingCycleLabels[value],
}));

const cycleHints: Record<BillingCycle, string> = {
  month: '每月 1 日至月末，每月出一张账单',
  handover_month: '从交房日起算，如 15 日至次月 14 日；未登记交房日的按自然月',
  quarter: '1、4、7、10 月出账，一张账单覆盖整季，首月截止日前缴清；达到预缴月数时按下方优惠',
  year: '1 月出账，一张账单覆盖全年，首月截止日前缴清；达到预缴月数时按下方优惠',
};

type SetDraft = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void;
type ErrorOf = (path: string) => string | undefined;

/** 阶梯: each tier up to a consumption, the last one open-ended. */
function TiersField({ draft, set, errorOf }: { draft: RuleDraft; set: SetDraft; errorOf: ErrorOf }) {
  const unit = meterUnits[draft.meter];
  const update = (index: number, patch: Partial<RuleDraft['tiers'][number]>) =>
    set(
      'tiers',
      draft.tiers.map((t, i) => (i === index ? { ...t, ...patch } : t)),
    );
  return (
    <>
      <FormField label="表具">
        <ChoiceChips
          options={meterOptions}
          value={draft.meter}
          onChange={(m: MeterKind) => set('meter', m)}
        />
      </FormField>
      <FormField
        label={`阶梯单价（元/${unit}）`}
        hint="只有一档即为统一单价；最后一档不设上限"
        error={errorOf('tiers')}
      >
        {draft.tiers.map((tier, index) => {
          const last = index === draft.tiers.length - 1;
          const from = index === 0 ? '0' : draft.tiers[index - 1]!.upTo || '…';
          return (
            <View key={index} className="tier-row">
              <Text className="tier-row__range">
                第 {index + 1} 档 {from}–
              </Text>
              <View className="tier-row__input">
                {last ? (
                  <Text className="tier-row__open">以上</Text>
                ) : (
                  <TextInput
                    type="digit"
                    placeholder={`上限 ${unit}`}
                    value={tier.upTo}
                    onChange={(upTo) => update(index, { upTo })}
                  />
                )}
              </View>
              <View className="tier-row__input">
                <TextInput
                  type="digit"
                  placeholder="单价"
                  value={tier.unitPrice}
                  onChange={(unitPrice) => update(index, { unitPrice })}
                />
              </View>
            </View>
          );
        })}
        {draft.tiers
          .map((_, i) => errorOf(`tiers.${i}.upTo`) ?? errorOf(`tiers.${i}.unitPrice`))
          .find(Boolean) ? (
          <Text className="form-field__error">
            {draft.tiers
              .map((_, i) => errorOf(`tiers.${i}.upTo`) ?? errorOf(`tiers.${i}.unitPrice`))
              .find(Boolean)}
          </Text>
        ) : null}
        <View className="standard-form__inline-buttons">
          {draft.tiers.length < 5 ? (
            <Button
              size="small"
              fill="outline"
              onClick={() => set('tiers', [...draft.tiers, { upTo: '', unitPrice: '' }])}
            >
              增加一档
            </Button>
          ) : null}
          {draft.tiers.length > 1 ? (
            <Button size="small" fill="outline" onClick={() => set('tiers', draft.tiers.slice(0, -1))}>
              删除最后一档
            </Button>
          ) : null}
        </View>
      </FormField>
    </>
  );
}

/** 预缴优惠: pay N months ahead, X% off. */
function DiscountsField({ draft, set, errorOf }: { draft: RuleDraft; set: SetDraft; errorOf: ErrorOf }) {
  const update = (index: number, patch: Partial<RuleDraft['discounts'][number]>) =>
    set(
      'discounts',
      draft.discounts.map((d, i) => (i === index ? { ...d, ...patch } : d)),
    );
  const firstError = draft.discounts
    .map((_, i) => errorOf(`advanceDiscounts.${i}.months`) ?? errorOf(`advanceDiscounts.${i}.percentOff`))
    .find(Boolean);
  return (
    <FormField
      label="预缴优惠"
      hint="一次预缴若干个月可享受折扣"
      error={firstError ?? errorOf('advanceDiscounts')}
    >
      {draft.discounts.map((discount, index) => (
        <View key={index} className="tier-row">
          <Text className="tier-row__range">预缴</Text>
          <View className="tier-row__input">
            <TextInput
              type="digit"
              placeholder="月数"
              value={discount.months}
              onChange={(months) => update(index, { months })}
            />
          </View>
          <Text className="tier-row__range">个月 优惠</Text>
          <View className="tier-row__input">
            <TextInput
              type="digit"
              placeholder="%"
              value={discount.percentOff}
              onChange={(percentOff) => update(index, { percentOff })}
            />
          </View>
          <Text className="tier-row__range">%</Text>
        </View>
      ))}
      <View className="standard-form__inline-buttons">
        {draft.discounts.length < 6 ? (
          <Button
            size="small"
            fill="outline"
            onClick={() => set('discounts', [...draft.discounts, { months: '12', percentOff: '5' }])}
          >
            增加优惠
          </Button>
        ) : null}
        {draft.discounts.length ? (
          <Button size="small" fill="outline" onClick={() => set('discounts', draft.discounts.slice(0, -1))}>
            删除最后一条
          </Button>
        ) : null}
      </View>
    </FormField>
  );
}
