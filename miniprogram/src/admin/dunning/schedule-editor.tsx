import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { dunningStepLabel, type DunningScheduleView } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { FormCard, FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

/** When reminders go out, in days from the due date; finance edits, service reads. */
export function ScheduleEditor({ estateId, canEdit }: { estateId: string; canEdit: boolean }) {
  const schedule = useRemote(() => call('billing', 'dunning.schedule', { estateId }), [estateId]);
  return (
    <RemoteView remote={schedule}>
      {(view) => (
        <Editor
          key={view.offsets.join()}
          estateId={estateId}
          view={view}
          canEdit={canEdit}
          onSaved={schedule.refresh}
        />
      )}
    </RemoteView>
  );
}

function Editor({
  estateId,
  view,
  canEdit,
  onSaved,
}: {
  estateId: string;
  view: DunningScheduleView;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const [offsets, setOffsets] = useState(view.offsets);
  const [days, setDays] = useState('');
  const [side, setSide] = useState<'before' | 'after'>('after');
  const [addError, setAddError] = useState<string | null>(null);
  const save = useAction(() => call('billing', 'dunning.saveSchedule', { estateId, offsets }));
  const add = () => {
    const n = Number(days.trim());
    if (!/^\d{1,3}$/.test(days.trim())) return setAddError('请输入天数（整数）');
    const offset = side === 'before' ? -n : n;
    if (offsets.includes(offset)) return setAddError('该提醒时间已存在');
    setAddError(null);
    setDays('');
    setOffsets([...offsets, offset].sort((a, b) => a - b));
  };
  const submit = async () => {
    if (await save.run()) {
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved();
    }
  };
  const changed = offsets.join() !== view.offsets.join();
  return (
    <>
      <Text className="dunning-intro">
        到提醒时间时，系统向已订阅的业主发送缴费提醒；无法送达的住户会进入「待电话催缴」清单。
        {view.isDefault ? '当前为默认设置。' : ''}
      </Text>
      <View className="dunning-steps">
        {offsets.map((offset) => (
          <View key={offset} className="dunning-step">
            <Text>{dunningStepLabel(offset)}</Text>
            {canEdit ? (
              <Text
                className="dunning-step__remove"
                onClick={() => setOffsets(offsets.filter((o) => o !== offset))}
              >
                ×
              </Text>
            ) : null}
          </View>
        ))}
      </View>
      {canEdit ? (
        <>
          <FormCard>
            <FormField label="添加提醒时间" error={addError ?? undefined}>
              <ChoiceChips
                options={[
                  { value: 'before' as const, label: '到期前' },
                  { value: 'after' as const, label: '逾期后' },
                ]}
                value={side}
                onChange={setSide}
              />
              <View className="dunning-add">
                <View className="dunning-add__input">
                  <TextInput type="number" placeholder="天数，0 为到期当天" value={days} onChange={setDays} />
                </View>
                <Button size="small" fill="outline" onClick={add}>
                  添加
                </Button>
              </View>
            </FormField>
          </FormCard>
          {save.failure ? <MessageBlock tone="error" title={save.failure.message} /> : null}
          <Button type="primary" block disabled={!changed || save.pending} onClick={() => void submit()}>
            保存提醒时间
          </Button>
        </>
      ) : null}
    </>
  );
}
