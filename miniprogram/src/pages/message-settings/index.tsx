import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MessageTemplatesView, MessageTemplateView } from '@linli/shared';
import { BackRow } from '../../components/back-row';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { subscribe } from '../../services/subscribe';
import './index.css';

/** Which kinds of subscription message the person wants, and how many sends each has left. */
export default function MessageSettings() {
  const templates = useRemote(() => call('message', 'templates', {}), []);
  return (
    <Screen>
      <BackRow label="返回我的" fallbackUrl="/pages/mine/index" fallbackIsTab />
      <RemoteView remote={templates}>
        {(view) => <Settings view={view} onChanged={templates.refresh} />}
      </RemoteView>
    </Screen>
  );
}

function Settings({ view, onChanged }: { view: MessageTemplatesView; onChanged: () => void }) {
  const toggle = useAction(async (kind: MessageTemplateView['kind'], enabled: boolean) => {
    await call('message', 'setPreferences', { kinds: { [kind]: enabled } });
    onChanged();
  });
  // WeChat asks for a few templates at a time: those switched on with the fewest sends left.
  const wanted = [...new Map(view.templates.filter((t) => t.enabled).map((t) => [t.templateId, t])).values()]
    .sort((a, b) => a.quota - b.quota)
    .slice(0, view.maxPerRequest);
  const grant = useAction(async () => {
    const answers = await subscribe(wanted.map((t) => t.templateId));
    const accepted = Object.values(answers).filter((a) => a === 'accept').length;
    if (accepted > 0) await call('message', 'grantQuota', { requestId: requestId(), result: answers });
    onChanged();
    void Taro.showToast({
      title: accepted > 0 ? `已增加 ${accepted} 类提醒` : '未增加提醒次数',
      icon: 'none',
    });
  });

  return (
    <>
      <MessageBlock tone="info" title="关于订阅消息">
        <Text>微信规定：每允许一次，物业才可以给您发送一条该类通知。剩余次数用完后，可在此再次允许。</Text>
      </MessageBlock>
      <View className="message-settings">
        {view.templates.map((template) => (
          <View key={template.kind} className="message-kind">
            <View className="message-kind__text">
              <Text className="message-kind__label">{template.kindLabel}</Text>
              <Text className="message-kind__description">{template.description}</Text>
              <Text
                className={
                  template.quota > 0 ? 'message-kind__quota' : 'message-kind__quota message-kind__quota--none'
                }
              >
                {template.enabled ? `剩余 ${template.quota} 次提醒` : '已关闭'}
              </Text>
            </View>
            <View
              className={template.enabled ? 'switch switch--on' : 'switch'}
              onClick={() => void toggle.run(template.kind, !template.enabled)}
            >
              <View className="switch__knob" />
            </View>
          </View>
        ))}
      </View>
      {toggle.failure ? <MessageBlock tone="error">{toggle.failure.message}</MessageBlock> : null}
      {grant.failure ? <MessageBlock tone="error">{grant.failure.message}</MessageBlock> : null}
      <Button
        block
        type="primary"
        disabled={wanted.length === 0 || grant.pending}
        onClick={() => void grant.run()}
      >
        {grant.pending ? '请在弹窗中选择…' : '增加提醒次数'}
      </Button>
    </>
  );
}

function requestId(): string {
  return `sub-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
