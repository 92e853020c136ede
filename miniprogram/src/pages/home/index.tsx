import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BindNotice } from '../../components/bind-notice';
import { EmptyState } from '../../components/empty-state';
import { HouseholdCard } from '../../components/household-card';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { SurveyEntry } from '../../components/survey-entry';
import { greeting } from '../../format';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { pickCurrentHousehold } from '../../state/current-household';
import './index.css';
import { NoticeSection } from './notice-section';

const shortcuts = [
  { text: '缴费', hint: '物业费 · 水电', glyph: '¥', url: '/pages/bills/index' },
  { text: '报修', hint: '家中维修', glyph: '⚒', url: '/pages/repair/index' },
  { text: '我的', hint: '房屋 · 家人', glyph: '⌂', url: '/pages/mine/index' },
];

export default function Home() {
  const me = useRemote(() => call('account', 'me', {}), []);
  // 我的 may switch, bind or unbind a household while this tab is hidden: load again on every show.
  useReloadOnShow(me.refresh);

  return (
    <Screen>
      <RemoteView remote={me}>
        {(account) => {
          const household = pickCurrentHousehold(account.households);
          return (
            <>
              <Text className="home__greeting">
                {greeting()}，{account.displayName}
              </Text>
              {household ? (
                <HouseholdCard household={household} />
              ) : account.isStaff ? (
                <EmptyState
                  title="物业员工账号"
                  description="您还没有绑定房屋，可在工作台处理物业事务。"
                  glyph="⚙"
                >
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => void Taro.navigateTo({ url: '/admin/workbench/index' })}
                  >
                    进入工作台
                  </Button>
                </EmptyState>
              ) : (
                <BindNotice />
              )}
              <View className="home__shortcuts">
                {shortcuts.map((shortcut) => (
                  <View
                    key={shortcut.url}
                    className="home__shortcut"
                    onClick={() => void Taro.switchTab({ url: shortcut.url })}
                  >
                    <Text className="home__shortcut-glyph">{shortcut.glyph}</Text>
                    <Text className="home__shortcut-text">{shortcut.text}</Text>
                    <Text className="home__shortcut-hint">{shortcut.hint}</Text>
                  </View>
                ))}
              </View>
              {/* 社区公告 (notices) */}
              {household ? <NoticeSection householdId={household.householdId} /> : null}
              {/* 问卷调查 (surveys): invitations to answer */}
              {household ? <SurveyEntry /> : null}
            </>
          );
        }}
      </RemoteView>
    </Screen>
  );
}
