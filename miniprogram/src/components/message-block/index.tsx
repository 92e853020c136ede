import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

export type MessageTone = 'error' | 'warning' | 'success' | 'info';

/** A message that must not be missed (a refusal, a lock-out, a pending review), in the page itself. */
export function MessageBlock({
  tone,
  title,
  children,
}: {
  tone: MessageTone;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <View className={`message-block message-block--${tone}`}>
      {title ? <Text className="message-block__title">{title}</Text> : null}
      {children ? <View className="message-block__body">{children}</View> : null}
    </View>
  );
}
