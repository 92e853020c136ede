import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MeView } from '@linli/shared';
import { useState } from 'react';
import { BindNotice } from '../../components/bind-notice';
import { Cell, CellGroup } from '../../components/nutui';
import { OptionPicker } from '../../components/option-picker';
import { RemoteView } from '../../components/remote-view';
import { RoleTags } from '../../components/role-tags';
import { Screen } from '../../components/screen';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { clearSession, DEV_LOGIN_PAGE } from '../../services/session';
import {
  forgetCurrentHousehold,
  pickCurrentHousehold,
  rememberCurrentHousehold,
} from '../../state/current-household';
import { HouseholdActions } from './household-actions';
import { HouseholdDetails } from './household-details';
import './index.css';

const go = (url: string) => () => void Taro.navigateTo({ url });

export default function Mine() {
  const me = useRemote(() => call('account', 'me', {}), []);
  // A binding made or approved elsewhere shows up when the person comes back to this tab.
  useReloadOnShow(me.refresh);
  return (
    <Screen>
      <RemoteView remote={me}>
        {(account) => (
          // A new set of households starts the page over, with the current one picked again.
          <Account
            key={account.households.map((h) => h.householdId).join()}
            account={account}
            onChanged={me.refresh}
          />
        )}
      </RemoteView>
      <CellGroup>
        <Cell
          title="客服与投诉建议"
          description="在线咨询物业 · 投诉建议"
          extra="›"
          clickable
          onClick={go('/pages/service/index')}
        />
        <Cell
          title="消息设置"
          description="选择接收哪些通知 · 提醒次数"
          extra="›"
          clickable
          onClick={go('/pages/message-settings/index')}
        />
      </CellGroup>
      <CellGroup>
        <Cell
          title={<Text className="mine__minor">员工加入</Text>}
          description="物业员工凭加入码开通工作台"
          extra="›"
          clickable
          onClick={go('/pages/staff-join/index')}
        />
        {process.env.TARO_ENV === 'h5' ? (
          <Cell
            title={<Text className="mine__minor">切换演示账号</Text>}
            extra="›"
            clickable
            onClick={switchAccount}
          />
        ) : null}
      </CellGroup>
    </Screen>
  );
}

function Account({ account, onChanged }: { account: MeView; onChanged: () => void }) {
  const [householdId, setHouseholdId] = useState(
    () => pickCurrentHousehold(account.households)?.householdId ?? null,
  );
  const household = account.households.find((h) => h.householdId === householdId) ?? null;
  const choose = (id: string) => {
    rememberCurrentHousehold(id);
    setHouseholdId(id);
  };

  return (
    <>
      <View className="mine__profile">
        <Text className="mine__name">{account.displayName}</Text>
        <RoleTags roles={account.roles} />
      </View>

      {account.isStaff ? (
        <CellGroup>
          <Cell
            title="进入工作台"
            description="小区概况与物业事务"
            extra="›"
            clickable
            onClick={go('/admin/workbench/index')}
          />
        </CellGroup>
      ) : null}

      {account.households.length > 1 && householdId ? (
        <CellGroup>
          <OptionPicker
            title="当前房屋"
            value={householdId}
            options={account.households.map((h) => ({
              value: h.householdId,
              label: `${h.estateName} ${h.roomCode}`,
            }))}
            onChange={choose}
          />
        </CellGroup>
      ) : null}

      {household ? (
        <>
          <HouseholdActions household={household} onUnbound={onChanged} />
          <HouseholdDetails householdId={household.householdId} />
        </>
      ) : account.isStaff ? (
        <CellGroup>
          <Cell
            title="绑定我的房屋"
            description="员工本人也是业主时，可绑定自己的房屋"
            extra="›"
            clickable
            onClick={go('/pages/bind/index')}
          />
        </CellGroup>
      ) : (
        <BindNotice />
      )}
    </>
  );
}

/** H5 only: drop the dev session and pick another demo account. */
function switchAccount() {
  clearSession();
  forgetCurrentHousehold();
  void Taro.reLaunch({ url: DEV_LOGIN_PAGE });
}
