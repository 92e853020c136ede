import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  formatDateTime,
  type InspectionItemView,
  type InspectionView,
  type ItemResultInput,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { FormCard, FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { PhotoGrid } from '../../components/photo-grid';
import { PhotoPicker } from '../../components/photo-picker';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { facilityPageRoles } from '../devices/roles';
import '../devices/facility.css';

const verdicts = [
  { value: 'pass', label: '合格' },
  { value: 'fail', label: '不合格' },
] as const;

/** 巡检记录: fill the checklist on site (pass / fail / reading, photos), or read a finished one. */
export default function Inspection() {
  const id = useRouter().params.id;
  return (
    <StaffPage allow={facilityPageRoles.inspection} pickEstate={false}>
      {() =>
        id ? (
          <Loader inspectionId={decodeURIComponent(id)} />
        ) : (
          <EmptyState title="未指定巡检" description="请从「巡检保养」中选择一项。" glyph="?" />
        )
      }
    </StaffPage>
  );
}

function Loader({ inspectionId }: { inspectionId: string }) {
  const remote = useRemote(() => call('facilities', 'inspection', { inspectionId }), [inspectionId]);
  return <RemoteView remote={remote}>{(first) => <Body first={first} />}</RemoteView>;
}

function Body({ first }: { first: InspectionView }) {
  const [inspection, setInspection] = useState(first);
  return (
    <>
      <View className={`fac-card ${inspection.overdue ? 'fac-card--bad' : ''}`}>
        <View className="fac-card__head">
          <Text className="fac-card__title">{inspection.deviceName}</Text>
          <Text
            className={`fac-badge ${inspection.outcome === 'failed' || inspection.overdue ? 'fac-badge--bad' : inspection.outcome === 'passed' ? 'fac-badge--ok' : 'fac-badge--info'}`}
          >
            {inspection.stateLabel}
          </Text>
        </View>
        <Text className="fac-card__code">
          {inspection.deviceCode} · {inspection.deviceTypeLabel} · {inspection.locationLabel}
        </Text>
        <Text className="fac-card__meta">
          {inspection.planName ?? '现场巡检'} · 计划日期 {inspection.dueDate}
        </Text>
        {inspection.maintenanceOrderNo ? (
          <Text className="fac-card__muted">保养工单 {inspection.maintenanceOrderNo}</Text>
        ) : null}
        <Text
          className="fac-link"
          onClick={() =>
            void Taro.navigateTo({ url: `/admin/device/index?id=${encodeURIComponent(inspection.deviceId)}` })
          }
        >
          查看设备 ›
        </Text>
      </View>
      {inspection.canFill ? (
        <FillForm inspection={inspection} onDone={setInspection} />
      ) : (
        <Results inspection={inspection} />
      )}
    </>
  );
}

interface Answer {
  verdict: 'pass' | 'fail' | null;
  value: string;
  note: string;
  photos: string[];
}

function FillForm({
  inspection,
  onDone,
}: {
  inspection: InspectionView;
  onDone: (v: InspectionView) => void;
}) {
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(
      inspection.items.map((i) => [i.item.key, { verdict: null, value: '', note: '', photos: [] }]),
    ),
  );
  const [note, setNote] = useState('');
  const edit = (key: string, patch: Partial<Answer>) =>
    setAnswers((all) => ({ ...all, [key]: { ...all[key]!, ...patch } }));
  const submit = useAction(async () => {
    const results: ItemResultInput[] = inspection.items.map(({ item }) => {
      const a = answers[item.key]!;
      return {
        key: item.key,
        passed: item.kind === 'check' ? (a.verdict === null ? null : a.verdict === 'pass') : null,
        value: item.kind === 'value' && a.value.trim() !== '' ? Number(a.value) : null,
        note: a.note.trim(),
        photos: a.photos,
      };
    });
    return call('facilities', 'submitInspection', {
      inspectionId: inspection.inspectionId,
      version: inspection.version,
      results,
      note: note.trim(),
    });
  });
  const errors = submit.failure?.fields ?? {};
  const onSubmit = async () => {
    const bad = inspection.items.find(
      ({ item }) => item.kind === 'value' && Number.isNaN(Number(answers[item.key]!.value)),
    );
    if (bad) {
      submit.setFailure({ code: 'VALIDATION', message: `「${bad.item.label}」请填写数字`, fields: {} });
      return;
    }
    const done = await submit.run();
    if (!done) return;
    void Taro.showToast({
      title: done.outcome === 'failed' ? '已提交，已生成报修单' : '已提交',
      icon: 'none',
    });
    onDone(done);
  };
  return (
    <>
      <Text className="section-title">检查表（{inspection.items.length} 项）</Text>
      <FormCard>
        {inspection.items.map(({ item, limitsLabel }) => {
          const a = answers[item.key]!;
          return (
            <FormField
              key={item.key}
              label={item.label}
              hint={item.kind === 'value' ? `标准 ${limitsLabel}` : undefined}
              error={errors[`results.${item.key}`]}
            >
              {item.kind === 'check' ? (
                <ChoiceChips
                  options={verdicts}
                  value={a.verdict}
                  onChange={(verdict) => edit(item.key, { verdict })}
                />
              ) : (
                <TextInput
                  type="digit"
                  placeholder={`读数${item.unit ? `（${item.unit}）` : ''}`}
                  value={a.value}
                  maxLength={12}
                  onChange={(value: string) => edit(item.key, { value })}
                />
              )}
              {a.verdict === 'fail' || item.kind === 'value' ? (
                <>
                  <TextInput
                    placeholder="情况说明（选填）"
                    value={a.note}
                    maxLength={200}
                    onChange={(v: string) => edit(item.key, { note: v })}
                  />
                  <PhotoPicker
                    photos={a.photos}
                    onChange={(photos) => edit(item.key, { photos })}
                    max={6}
                    folder="inspections"
                  />
                </>
              ) : null}
            </FormField>
          );
        })}
        <FormField label="备注">
          <TextInput placeholder="选填" value={note} maxLength={500} onChange={(v: string) => setNote(v)} />
        </FormField>
      </FormCard>
      {submit.failure ? <Text className="fac-error">{submit.failure.message}</Text> : null}
      <View className="fac-actions">
        <Button type="primary" block disabled={submit.pending} onClick={() => void onSubmit()}>
          提交巡检结果
        </Button>
      </View>
      <Text className="fac-card__muted">有不合格项时，系统会自动生成一张维修工单。</Text>
    </>
  );
}

function Results({ inspection }: { inspection: InspectionView }) {
  if (inspection.state === 'pending')
    return <EmptyState glyph="…" title="尚未完成" description="由维修师傅或管理员在现场填写检查表" />;
  return (
    <>
      <Text className="section-title">检查结果</Text>
      {inspection.doneAt ? (
        <Text className="fac-card__muted">
          {inspection.doneByName} 于 {formatDateTime(inspection.doneAt)} 提交
        </Text>
      ) : null}
      {inspection.repairOrderId ? (
        <View
          className="fac-card fac-card--bad"
          onClick={() =>
            void Taro.navigateTo({
              url: `/admin/workorder/index?id=${encodeURIComponent(inspection.repairOrderId!)}`,
            })
          }
        >
          <Text className="fac-card__title">已生成报修单 {inspection.repairOrderNo}</Text>
          <Text className="fac-card__meta">不合格项已转维修工单跟进 ›</Text>
        </View>
      ) : null}
      {inspection.items.map((row) => (
        <ResultRow key={row.item.key} row={row} />
      ))}
      {inspection.note ? <Text className="fac-card__meta">备注：{inspection.note}</Text> : null}
    </>
  );
}

function ResultRow({ row }: { row: InspectionItemView }) {
  const failed = row.outcome === 'fail';
  const shown =
    row.item.kind === 'value'
      ? `${row.result?.value ?? '—'} ${row.item.unit}`
      : row.result?.passed
        ? '合格'
        : '不合格';
  return (
    <View className={`fac-card ${failed ? 'fac-card--bad' : 'fac-card--ok'}`}>
      <View className="fac-card__head">
        <Text className="fac-card__title">{row.item.label}</Text>
        <Text className={`fac-badge ${failed ? 'fac-badge--bad' : 'fac-badge--ok'}`}>{shown}</Text>
      </View>
      <Text className="fac-card__muted">标准：{row.limitsLabel}</Text>
      {row.reason ? <Text className="fac-error">{row.reason}</Text> : null}
      {row.result?.note && !failed ? <Text className="fac-card__meta">{row.result.note}</Text> : null}
      {row.result?.photos.length ? <PhotoGrid photos={row.result.photos} /> : null}
    </View>
  );
}
