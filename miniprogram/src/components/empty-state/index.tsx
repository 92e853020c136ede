import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Empty } from '../nutui';
import './index.css';

interface EmptyStateProps {
  title: string;
  description?: string;
  /** A short symbol in place of NutUI's default picture, which is fetched from a CDN. */
  glyph?: string;
  tone?: 'calm' | 'error';
  children?: ReactNode;
}

export function EmptyState({ title, description, glyph = '○', tone = 'calm', children }: EmptyStateProps) {
  return (
    <View className="empty-state">
      <Empty
        image={<Text className={`empty-state__glyph empty-state__glyph--${tone}`}>{glyph}</Text>}
        imageSize={64}
        title={title}
        description={description}
      />
      {children ? <View className="empty-state__actions">{children}</View> : null}
    </View>
  );
}
