import { Text, View } from '@tarojs/components';
import { actorKindLabels, formatDateTime, type TimelineEntryView } from '@linli/shared';
import './index.css';

/** Every stamped step of the order, newest on top: what happened, when, and who did it. */
export function WorkOrderTimeline({ entries }: { entries: TimelineEntryView[] }) {
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <View className="wo-timeline">
      {newestFirst.map((entry, index) => (
        <View
          key={entry.seq}
          className={index === 0 ? 'wo-timeline__entry wo-timeline__entry--latest' : 'wo-timeline__entry'}
        >
          <View className="wo-timeline__dot" />
          <View className="wo-timeline__content">
            <Text className="wo-timeline__label">{entry.label}</Text>
            {entry.note ? <Text className="wo-timeline__note">{entry.note}</Text> : null}
            <Text className="wo-timeline__meta">
              {formatDateTime(entry.at)} · {actorLine(entry)}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** 维修师傅 赵师傅 / 系统; the system needs no name after its kind. */
function actorLine(entry: TimelineEntryView): string {
  const kind = actorKindLabels[entry.actorKind];
  return entry.actorName && entry.actorName !== kind ? `${kind} ${entry.actorName}` : kind;
}
