import { Picker, Text, View } from '@tarojs/components';
import type { Shift } from '@linli/shared';
import { Button } from '../../components/nutui';
import { sortShifts, weekdayLabels } from '../staff/shifts';

const MAX_SHIFTS = 21;
const workdays: Shift[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:30' }));

/** A weekly timetable: one row per shift (weekday, start, end). */
export function ShiftsEditor({ shifts, onChange }: { shifts: Shift[]; onChange: (shifts: Shift[]) => void }) {
  const replace = (index: number, patch: Partial<Shift>) =>
    onChange(shifts.map((shift, i) => (i === index ? { ...shift, ...patch } : shift)));
  const remove = (index: number) => onChange(shifts.filter((_, i) => i !== index));
  const add = () => {
    const last = shifts[shifts.length - 1];
    const weekday = last ? (last.weekday + 1) % 7 : 1;
    onChange([...shifts, { weekday, start: last?.start ?? '08:00', end: last?.end ?? '17:30' }]);
  };

  return (
    <View className="shifts">
      {shifts.length === 0 ? <Text className="shifts__empty">尚未排班</Text> : null}
      {shifts.map((shift, index) => (
        <View key={index} className="shifts__row">
          <Picker
            mode="selector"
            range={weekdayLabels}
            value={shift.weekday}
            onChange={(e) => replace(index, { weekday: Number(e.detail.value) })}
          >
            <Text className="shifts__value">{weekdayLabels[shift.weekday]} ▾</Text>
          </Picker>
          <Picker mode="time" value={shift.start} onChange={(e) => replace(index, { start: e.detail.value })}>
            <Text className="shifts__value">{shift.start}</Text>
          </Picker>
          <Text className="shifts__to">至</Text>
          <Picker mode="time" value={shift.end} onChange={(e) => replace(index, { end: e.detail.value })}>
            <Text className="shifts__value">{shift.end}</Text>
          </Picker>
          <Text className="shifts__remove" onClick={() => remove(index)}>
            删除
          </Text>
        </View>
      ))}
      <View className="shifts__buttons">
        <Button
          size="small"
          fill="outline"
          type="primary"
          disabled={shifts.length >= MAX_SHIFTS}
          onClick={add}
        >
          添加班次
        </Button>
        <Button size="small" fill="outline" onClick={() => onChange(sortShifts(workdays))}>
          设为工作日 08:00–17:30
        </Button>
      </View>
    </View>
  );
}
