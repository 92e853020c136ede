import { shanghai, VisitSlot, visitSlotLabels } from '@linli/shared';
import { ChoiceChips } from '../choice-chips';

export interface VisitTime {
  /** '' = as soon as possible. */
  date: string;
  slot: VisitSlot;
}

const dayNames = ['今天', '明天', '后天'];
const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** How far ahead a visit can be chosen here (the server allows more). */
const DAYS_SHOWN = 5;
const slots = VisitSlot.options.map((value) => ({ value, label: visitSlotLabels[value] }));

/** The next days as chips (今天 11-29, 周三 12-02 …), with 尽快 first. */
function dayChoices(now: number) {
  const days = Array.from({ length: DAYS_SHOWN }, (_, offset) => {
    const day = shanghai(now).add(offset, 'day');
    return {
      value: day.format('YYYY-MM-DD'),
      label: `${dayNames[offset] ?? weekdays[day.day()]} ${day.format('MM-DD')}`,
    };
  });
  return [{ value: '', label: '尽快上门' }, ...days];
}

export function VisitTimeField({
  value,
  onChange,
}: {
  value: VisitTime;
  onChange: (value: VisitTime) => void;
}) {
  return (
    <>
      <ChoiceChips
        options={dayChoices(Date.now())}
        value={value.date}
        onChange={(date) => onChange({ ...value, date })}
      />
      {value.date ? (
        <ChoiceChips options={slots} value={value.slot} onChange={(slot) => onChange({ ...value, slot })} />
      ) : null}
    </>
  );
}
