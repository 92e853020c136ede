import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import {
  formatDateTime,
  type ConversationView,
  type ServiceMessageBody,
  type ServiceMessageView,
} from '@linli/shared';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { call, messageOf } from '../../services/api';
import { isCancel } from '../../services/platform-error';
import { fileUrl, upload } from '../../services/upload';
import { ErrorState } from '../error-state';
import { LoadingState } from '../loading-state';
import './index.css';

/** How often an open chat asks for new messages. */
const POLL_MS = 4000;

interface ChatThreadProps {
  conversationId: string;
  /** Drawn above the messages once the conversation is known (staff: assignment, household). */
  header?: (conversation: ConversationView, refresh: () => void) => ReactNode;
  /** Canned answers to tap into the input (staff). */
  quickReplies?: readonly string[];
  placeholder?: string;
}

/**
 * A chat with the desk, shared by owners and staff: the latest messages, new ones polled while the
 * page shows, each side's messages marked read as they arrive, text and photo sending.
 */
export function ChatThread({ conversationId, header, quickReplies, placeholder }: ChatThreadProps) {
  const [conversation, setConversation] = useState<ConversationView | null>(null);
  const [messages, setMessages] = useState<ServiceMessageView[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [visible, setVisible] = useState(true);
  const lastSeq = useRef(0);
  const polling = useRef(false);

  const merge = useCallback((incoming: ServiceMessageView[]) => {
    if (incoming.length === 0) return;
    setMessages((current) => {
      const seen = new Set(current.map((m) => m.seq));
      return [...current, ...incoming.filter((m) => !seen.has(m.seq))].sort((a, b) => a.seq - b.seq);
    });
    lastSeq.current = Math.max(lastSeq.current, ...incoming.map((m) => m.seq));
    setTimeout(() => void Taro.pageScrollTo({ scrollTop: 1e6, duration: 0 }), 50);
  }, []);

  const markRead = useCallback(async () => {
    try {
      setConversation(await call('service', 'markRead', { conversationId }));
    } catch {
      // The next poll tries again; a missed read mark only leaves a badge.
    }
  }, [conversationId]);

  const load = useCallback(async () => {
    try {
      const thread = await call('service', 'thread', { conversationId });
      setConversation(thread.conversation);
      setHasOlder(thread.hasOlder);
      setError(null);
      merge(thread.messages);
      if (thread.conversation.unread > 0) await markRead();
    } catch (cause) {
      setError(messageOf(cause));
    }
  }, [conversationId, merge, markRead]);

  useEffect(() => void load(), [load]);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  useEffect(() => {
    if (!visible || !conversation) return undefined;
    const timer = setInterval(() => {
      if (polling.current) return;
      polling.current = true;
      call('service', 'thread', { conversationId, afterSeq: lastSeq.current })
        .then(async (thread) => {
          setConversation(thread.conversation);
          merge(thread.messages);
          if (thread.messages.some((m) => !m.mine)) await markRead();
        })
        .catch(() => undefined) // a missed poll is retried by the next one
        .finally(() => {
          polling.current = false;
        });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [visible, conversation !== null, conversationId, merge, markRead]);

  const loadOlder = async () => {
    const first = messages[0];
    if (!first) return;
    try {
      const thread = await call('service', 'thread', { conversationId, beforeSeq: first.seq });
      setHasOlder(thread.hasOlder);
      setMessages((current) => [...thread.messages, ...current]);
    } catch (cause) {
      void Taro.showToast({ title: messageOf(cause), icon: 'none' });
    }
  };

  const send = async (body: ServiceMessageBody): Promise<boolean> => {
    setSending(true);
    try {
      const message = await call('service', 'send', { conversationId, requestId: requestId(), body });
      merge([message]);
      return true;
    } catch (cause) {
      void Taro.showModal({ title: '发送失败', content: messageOf(cause), showCancel: false });
      return false;
    } finally {
      setSending(false);
    }
  };

  const sendText = async () => {
    const text = draft.trim();
    if (!text || sending) return;
    if (await send({ type: 'text', text })) setDraft('');
  };

  const sendPhoto = async () => {
    let filePath: string | undefined;
    try {
      const chosen = await Taro.chooseImage({
        count: 1,
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      filePath = chosen.tempFilePaths[0];
    } catch (cause) {
      if (!isCancel(cause)) void Taro.showToast({ title: '无法选择照片', icon: 'none' });
      return;
    }
    if (!filePath) return;
    setSending(true);
    try {
      const { fileID } = await upload({
        filePath,
        cloudPath: `service/${conversationId}/${requestId()}.jpg`,
      });
      await send({ type: 'image', fileId: fileID });
    } catch (cause) {
      void Taro.showToast({ title: messageOf(cause), icon: 'none' });
    } finally {
      setSending(false);
    }
  };

  if (error && !conversation) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!conversation) return <LoadingState />;
  return (
    <View className="chat">
      {header?.(conversation, () => void load())}
      {hasOlder ? (
        <Text className="chat__older" onClick={() => void loadOlder()}>
          查看更早的消息
        </Text>
      ) : null}
      {messages.length === 0 ? (
        <Text className="chat__empty">还没有消息，发一条开始咨询吧</Text>
      ) : (
        messages.map((message, index) => (
          <Bubble key={message.seq} message={message} showTime={showTime(messages[index - 1], message)} />
        ))
      )}
      <View className="chat__spacer" />
      <View className="chat__bar">
        {quickReplies?.length ? (
          <View className="chat__quick">
            {quickReplies.map((reply) => (
              <Text key={reply} className="chat__quick-item" onClick={() => setDraft(reply)}>
                {reply}
              </Text>
            ))}
          </View>
        ) : null}
        <View className="chat__compose">
          <Text className="chat__photo" onClick={() => void sendPhoto()}>
            ＋
          </Text>
          <Input
            className="chat__input"
            value={draft}
            placeholder={placeholder ?? '输入消息'}
            maxlength={1000}
            confirmType="send"
            onInput={(event) => setDraft(event.detail.value)}
            onConfirm={() => void sendText()}
          />
          <Text
            className={draft.trim() && !sending ? 'chat__send chat__send--on' : 'chat__send'}
            onClick={() => void sendText()}
          >
            发送
          </Text>
        </View>
      </View>
    </View>
  );
}

function Bubble({ message, showTime }: { message: ServiceMessageView; showTime: boolean }) {
  const side = message.mine ? 'chat__row chat__row--mine' : 'chat__row';
  return (
    <>
      {showTime ? <Text className="chat__time">{formatDateTime(message.at)}</Text> : null}
      <View className={side}>
        <View className="chat__bubble-wrap">
          {message.mine ? null : <Text className="chat__sender">{message.senderName}</Text>}
          {message.body.type === 'text' ? (
            <Text className="chat__bubble" userSelect>
              {message.body.text}
            </Text>
          ) : (
            <Image
              className="chat__image"
              src={fileUrl(message.body.fileId)}
              mode="widthFix"
              onClick={() => {
                if (message.body.type === 'image') {
                  const url = fileUrl(message.body.fileId);
                  void Taro.previewImage({ current: url, urls: [url] });
                }
              }}
            />
          )}
        </View>
      </View>
    </>
  );
}

/** A time line above the first message and after a pause of five minutes. */
function showTime(previous: ServiceMessageView | undefined, message: ServiceMessageView): boolean {
  return !previous || message.at - previous.at > 5 * 60_000;
}

function requestId(): string {
  return `msg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
