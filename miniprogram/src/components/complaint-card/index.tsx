import { Text, View } from '@tarojs/components';
import { formatDateTime, type ComplaintView } from '@linli/shared';
import type { ReactNode } from 'react';
import { PhotoGrid } from '../photo-grid';
import './index.css';

/** A complaint or suggestion with its handling: status, the owner's words and photos, the desk's replies. */
export function ComplaintCard({ complaint, children }: { complaint: ComplaintView; children?: ReactNode }) {
  return (
    <View className="complaint-card">
      <View className="complaint-card__head">
        <Text className="complaint-card__kind">{complaint.kindLabel}</Text>
        <Text className={`complaint-status complaint-status--${complaint.status}`}>
          {complaint.statusLabel}
        </Text>
        <Text className="complaint-card__time">{formatDateTime(complaint.createdAt)}</Text>
      </View>
      <Text className="complaint-card__content">{complaint.content}</Text>
      <PhotoGrid photos={complaint.images} />
      {complaint.events
        .filter((event) => event.reply)
        .map((event) => (
          <View key={event.at} className="complaint-card__reply">
            <Text className="complaint-card__reply-by">
              {event.byName}（物业）· {formatDateTime(event.at)}
            </Text>
            <Text className="complaint-card__reply-text">{event.reply}</Text>
          </View>
        ))}
      {children}
    </View>
  );
}
