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
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { clearSession, DEV_LOGIN_PAGE } from '../../services/session';
import {
  forgetCurrentHousehold,
  pickCurrentHousehold,
  rememberCurrentHousehold,
} from '../../state/current-household';
import { HouseholdDetails } from './household-details';
import './index.css';

export default function Mine() {
  const me = useRemote(() => call('account', 'me', {}), []);
  return (
    <Screen>
      <RemoteView remote={me}>{(account) => <Account account={account} />}</RemoteView>
      {process.env.TARO_ENV === 'h5' ? (
        <CellGroup>
          <Cell title="切换演示账号" extra="›" clickable onClick={switchAccount} />
        </CellGroup>
      ) : null}
    </Screen>
  );
}

function Account({ account }: { account: MeView }) {
  const [householdId, setHouseholdId] = useState(
    () => pickCurrentHousehold(account.households)?.householdId ?? null,
  );
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
            onClick={() => void Taro.navigateTo({ url: '/admin/workbench/index' })}
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

      {householdId ? <HouseholdDetails householdId={householdId} /> : account.isStaff ? null : <BindNotice />}
    </>
  );
}

/** H5 only: drop the dev session and pick another demo account. */
function switchAccount() {
  clearSession();
  forgetCurrentHousehold();
  void Taro.reLaunch({ url: DEV_LOGIN_PAGE });
}
