import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type MeView } from '@linli/shared';
import { useState } from 'react';
import { BackRow } from '../../components/back-row';
import { BindNotice } from '../../components/bind-notice';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { SegmentTabs } from '../../components/segment-tabs';
import { useAction } from '../../hooks/use-action';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { pickCurrentHousehold } from '../../state/current-household';
import { ComplaintForm } from './complaint-form';
import { MyComplaints } from './my-complaints';
import './index.css';

const tabs = [
  { value: 'chat', label: '在线咨询' },
  { value: 'complaint', label: '投诉建议' },
] as const;
type Tab = (typeof tabs)[number]['value'];

/** 客服: talk to the desk, or file a complaint or suggestion and follow its handling. */
export default function Service() {
  const me = useRemote(() => call('account', 'me', {}), []);
  return (
    <Screen>
      <BackRow label="返回" fallbackUrl="/pages/mine/index" fallbackIsTab />
      <RemoteView remote={me}>{(account) => <Desk account={account} />}</RemoteView>
    </Screen>
  );
}

function Desk({ account }: { account: MeView }) {
  const [tab, setTab] = useState<Tab>('chat');
  const household = pickCurrentHousehold(account.households);
  if (!household) return <BindNotice />;
  return (
    <>
      <SegmentTabs options={tabs} value={tab} onChange={setTab} />
      {tab === 'chat' ? (
        <Chats householdId={household.householdId} roomCode={household.roomCode} />
      ) : (
        <Complaints householdId={household.householdId} />
      )}
    </>
  );
}

function Chats({ householdId, roomCode }: { householdId: string; roomCode: string }) {
  const mine = useRemote(() => call('service', 'mine', {}), []);
  useRefreshOnReturn(mine.refresh);
  const start = useAction(async () => {
    const conversation = await call('service', 'start', { householdId });
    void Taro.navigateTo({
      url: `/pages/conversation/index?id=${encodeURIComponent(conversation.conversationId)}`,
    });
  });
  return (
    <>
      <View className="service-card">
        <Text className="service-card__title">物业服务中心</Text>
        <Text className="service-card__hint">工作日 8:00–20:00 在线，其余时间留言将尽快回复</Text>
        <Button block type="primary" disabled={start.pending} onClick={() => void start.run()}>
          {`联系物业客服（${roomCode}）`}
        </Button>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button block fill="outline" openType="contact" className="service-card__contact">
            微信客服
          </Button>
        ) : null}
        {start.failure ? <Text className="service-card__failure">{start.failure.message}</Text> : null}
      </View>
      <RemoteView remote={mine}>
        {(view) =>
          view.items.length === 0 ? null : (
            <View className="service-list">
              <Text className="section-title">我的咨询</Text>
              {view.items.map((conversation) => (
                <View
                  key={conversation.conversationId}
                  className="service-row"
                  onClick={() =>
                    void Taro.navigateTo({
                      url: `/pages/conversation/index?id=${encodeURIComponent(conversation.conversationId)}`,
                    })
                  }
                >
                  <View className="service-row__main">
                    <Text className="service-row__title">{conversation.roomCode} 在线咨询</Text>
                    <Text className="service-row__preview">{conversation.lastPreview || '暂无消息'}</Text>
                  </View>
                  <View className="service-row__side">
                    {conversation.lastMessageAt ? (
                      <Text className="service-row__time">{formatDateTime(conversation.lastMessageAt)}</Text>
                    ) : null}
                    {conversation.unread > 0 ? (
                      <Text className="service-row__badge">{conversation.unread}</Text>
                    ) : null}
                  </View>
                </View>
              ))}
            </View>
          )
        }
      </RemoteView>
    </>
  );
}

function Complaints({ householdId }: { householdId: string }) {
  const [filed, setFiled] = useState(0);
  return (
    <>
      <ComplaintForm householdId={householdId} onFiled={() => setFiled((n) => n + 1)} />
      <MyComplaints key={filed} />
    </>
  );
}
