import { Text } from '@tarojs/components';
import { meterLabels, meterUnits, type MeterKind, type MeterReadingView } from '@linli/shared';
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
import { RoomFinder, type PickedRoom } from '../components/room-finder';
import { ReadingCard } from './reading-card';

interface EntryProps {
  estateId: string;
  period: string;
  meter: MeterKind;
}

/** Find the room, see its last reading, enter this month's (with a meter replacement if there was one). */
export function ReadingEntry({ estateId, period, meter }: EntryProps) {
  const [room, setRoom] = useState<PickedRoom | null>(null);
  return (
    <>
      <RoomFinder estateId={estateId} onPick={setRoom} />
      {room ? (
        <RoomReading key={room.householdId} room={room} period={period} meter={meter} />
      ) : (
        <Text className="readings-hint">
          输入房号查找房屋后录入读数。上次读数会显示在表单上方，用量异常的读数需财务复核后才会出账。
        </Text>
      )}
    </>
  );
}

function RoomReading({ room, period, meter }: { room: PickedRoom; period: string; meter: MeterKind }) {
  const history = useRemote(
    () => call('billing', 'readings.list', { householdId: room.householdId, meter }),
    [room.householdId, meter],
  );
  return (
    <RemoteView remote={history}>
      {({ items }) => {
        const existing = items.find((r) => r.period === period && r.status !== 'rejected');
        const previous = items.find((r) => r.period < period && r.status !== 'rejected') ?? null;
        return existing ? (
          <>
            <MessageBlock tone="info" title={`${room.roomCode} 的 ${period} 读数已录入`} />
            <ReadingCard reading={existing} canReview={false} />
          </>
        ) : (
          <ReadingForm
            room={room}
            period={period}
            meter={meter}
            previous={previous}
            onSaved={history.refresh}
          />
        );
      }}
    </RemoteView>
  );
}

function ReadingForm({
  room,
  period,
  meter,
  previous,
  onSaved,
}: {
  room: PickedRoom;
  period: string;
  meter: MeterKind;
  previous: MeterReadingView | null;
  onSaved: () => void;
}) {
  const unit = meterUnits[meter];
  const [reading, setReading] = useState('');
  const [replaced, setReplaced] = useState<'no' | 'yes'>('no');
  const [oldFinal, setOldFinal] = useState('');
  const [newInitial, setNewInitial] = useState('0');
  const save = useAction(() =>
    call('billing', 'readings.record', {
      householdId: room.householdId,
      meter,
      period,
      reading: reading.trim(),
      ...(replaced === 'yes'
        ? { replacement: { oldFinal: oldFinal.trim(), newInitial: newInitial.trim() } }
        : {}),
    }),
  );
  const fields = save.failure?.fields ?? {};
  const submit = async () => {
    if (await save.run()) onSaved();
  };
  return (
    <FormCard>
      <Text className="readings-room">
        {room.roomCode} · {meterLabels[meter]}表 · {period}
      </Text>
      <Text className="readings-previous">
        {previous
          ? `上次读数 ${previous.reading} ${unit}（${previous.period}，${previous.readOn}）`
          : '尚无读数：本次读数将作为起始读数，不计用量'}
      </Text>
      <FormField label={`本次读数（${unit}）`} error={fields.reading}>
        <TextInput
          type="digit"
          placeholder="表上的数字，最多 3 位小数"
          value={reading}
          onChange={setReading}
        />
      </FormField>
      <FormField label="本期是否换表">
        <ChoiceChips
          options={[
            { value: 'no' as const, label: '未换表' },
            { value: 'yes' as const, label: '已换表' },
          ]}
          value={replaced}
          onChange={setReplaced}
        />
      </FormField>
      {replaced === 'yes' ? (
        <>
          <FormField label={`旧表最后读数（${unit}）`} error={fields['replacement.oldFinal']}>
            <TextInput type="digit" value={oldFinal} onChange={setOldFinal} />
          </FormField>
          <FormField label={`新表起始读数（${unit}）`} error={fields['replacement.newInitial']}>
            <TextInput type="digit" value={newInitial} onChange={setNewInitial} />
          </FormField>
        </>
      ) : null}
      {save.failure && !fields.reading ? <MessageBlock tone="error" title={save.failure.message} /> : null}
      <Button type="primary" block disabled={save.pending || !reading.trim()} onClick={() => void submit()}>
        {save.pending ? '正在保存…' : '保存读数'}
      </Button>
    </FormCard>
  );
}
