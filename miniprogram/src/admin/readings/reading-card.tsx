import { Text, View } from '@tarojs/components';
import { formatDateTime, type MeterReadingView } from '@linli/shared';
import { useState } from 'react';
import { MessageBlock } from '../../components/message-block';
import { Button, Tag } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';

const statusColors = {
  approved: { background: '#f0fdf4', color: '#16a34a' },
  pending_review: { background: '#fffbeb', color: '#d97706' },
  rejected: { background: '#fef2f2', color: '#dc2626' },
};

/** One reading: the figures, why it waits (if it does), and for finance 确认 / 驳回. */
export function ReadingCard({
  reading,
  canReview,
  onReviewed,
}: {
  reading: MeterReadingView;
  canReview: boolean;
  onReviewed?: (reading: MeterReadingView) => void;
}) {
  const [note, setNote] = useState('');
  const review = useAction((decision: 'approve' | 'reject') =>
    call('billing', 'readings.approve', {
      readingId: reading.readingId,
      decision,
      ...(note.trim() ? { note: note.trim() } : {}),
    }),
  );
  const decide = async (decision: 'approve' | 'reject') => {
    const reviewed = await review.run(decision);
    if (reviewed) onReviewed?.(reviewed);
  };
  return (
    <View className="reading-card">
      <View className="reading-card__head">
        <Text className="reading-card__room">{reading.roomCode}</Text>
        <Tag {...statusColors[reading.status]}>{reading.statusLabel}</Tag>
      </View>
      <Text className="reading-card__figures">
        {reading.meterLabel}表 {reading.previousReading ?? '—'} → {reading.reading} {reading.unit}
        {reading.consumption !== null ? `，用量 ${reading.consumption} ${reading.unit}` : '（起始读数）'}
      </Text>
      {reading.replacement ? (
        <Text className="reading-card__meta">
          换表：旧表止 {reading.replacement.oldFinal}，新表起 {reading.replacement.newInitial}
        </Text>
      ) : null}
      {reading.flag ? <Text className="reading-card__flag">{reading.flag}</Text> : null}
      {reading.reviewNote ? <Text className="reading-card__meta">复核备注：{reading.reviewNote}</Text> : null}
      <Text className="reading-card__meta">
        {reading.recordedByName} 录入 · {formatDateTime(reading.recordedAt)}
      </Text>
      {canReview && reading.status === 'pending_review' ? (
        <>
          <View className="reading-card__note">
            <TextInput placeholder="复核备注（选填）" value={note} maxLength={100} onChange={setNote} />
          </View>
          {review.failure ? <MessageBlock tone="error" title={review.failure.message} /> : null}
          <View className="reading-card__actions">
            <Button
              size="small"
              fill="outline"
              disabled={review.pending}
              onClick={() => void decide('reject')}
            >
              驳回重录
            </Button>
            <Button
              size="small"
              type="primary"
              disabled={review.pending}
              onClick={() => void decide('approve')}
            >
              确认用量
            </Button>
          </View>
        </>
      ) : null}
    </View>
  );
}
