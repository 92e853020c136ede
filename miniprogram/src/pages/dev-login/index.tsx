import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isStaff, type Role } from '@linli/shared';
import { useState } from 'react';
import { Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { RoleTags } from '../../components/role-tags';
import { Screen } from '../../components/screen';
import { messageOf } from '../../services/api';
import { listDemoAccounts, signInAs, type DemoAccount } from '../../services/dev-login';
import { forgetCurrentHousehold } from '../../state/current-household';
import { useRemote } from '../../hooks/use-remote';
import './index.css';

const staffOf = (account: DemoAccount) => isStaff({ roles: account.roles as Role[] });

/**
 * H5 only: the local runtime has no WeChat to say who is calling, so a person picks a demo
 * account. Owners land on 我的, staff on 工作台.
 */
export default function DevLogin() {
  const accounts = useRemote(listDemoAccounts, []);
  const [signingIn, setSigningIn] = useState<string | null>(null);

  async function choose(account: DemoAccount) {
    if (signingIn) return;
    setSigningIn(account.openid);
    try {
      await signInAs(account.openid);
      forgetCurrentHousehold();
      await Taro.reLaunch({ url: staffOf(account) ? '/admin/workbench/index' : '/pages/mine/index' });
    } catch (error) {
      setSigningIn(null);
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  }

  return (
    <Screen>
      <View className="dev-login__intro">
        <Text>本地演示环境：选择一个账号登录，代替微信身份。</Text>
      </View>
      <RemoteView remote={accounts}>
        {(list) => (
          <>
            <AccountGroup
              title="业主"
              accounts={list.filter((a) => !staffOf(a))}
              signingIn={signingIn}
              onChoose={choose}
            />
            <AccountGroup
              title="员工"
              accounts={list.filter(staffOf)}
              signingIn={signingIn}
              onChoose={choose}
            />
          </>
        )}
      </RemoteView>
    </Screen>
  );
}

interface AccountGroupProps {
  title: string;
  accounts: DemoAccount[];
  signingIn: string | null;
  onChoose: (account: DemoAccount) => Promise<void>;
}

function AccountGroup({ title, accounts, signingIn, onChoose }: AccountGroupProps) {
  if (accounts.length === 0) return null;
  return (
    <CellGroup title={title}>
      {accounts.map((account) => (
        <Cell
          key={account.openid}
          title={account.displayName}
          description={signingIn === account.openid ? '正在登录…' : account.description}
          extra={<RoleTags roles={account.roles} />}
          clickable
          onClick={() => void onChoose(account)}
        />
      ))}
    </CellGroup>
  );
}
