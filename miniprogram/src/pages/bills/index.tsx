import Taro from '@tarojs/taro';
import type { HouseholdBills } from '@linli/shared';
import { useState } from 'react';
import { BindNotice } from '../../components/bind-notice';
import { CellGroup } from '../../components/nutui';
import { OptionPicker } from '../../components/option-picker';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { pickCurrentHousehold, rememberCurrentHousehold } from '../../state/current-household';
import { HouseholdBillsView } from './household-bills';
import './index.css';

/** Accounts without a household get the binding notice, not a refusal from billing. */
async function loadBills(): Promise<HouseholdBills[]> {
  const me = await call('account', 'me', {});
  if (me.households.length === 0) return [];
  return (await call('billing', 'bills.mine', {})).households;
}

/** 缴费: the open and settled bills of the household on show; several open ones paid together. */
export default function Bills() {
  const bills = useRemote(loadBills, []);
  // Bills paid, waived or issued elsewhere show up when the owner comes back to the tab.
  useReloadOnShow(bills.refresh);
  return (
    <Screen>
      <RemoteView remote={bills}>
        {(households) =>
          households.length === 0 ? (
            <BindNotice />
          ) : (
            <Households households={households} onChanged={bills.refresh} />
          )
        }
      </RemoteView>
    </Screen>
  );
}

function Households({ households, onChanged }: { households: HouseholdBills[]; onChanged: () => void }) {
  // A reminder message opens the tab for its household (pages/bills/index?householdId=…).
  const [householdId, setHouseholdId] = useState(() => {
    const asked = Taro.getCurrentInstance().router?.params.householdId;
    const wanted = households.find((h) => h.householdId === asked);
    return (wanted ?? pickCurrentHousehold(households))?.householdId ?? null;
  });
  const household = households.find((h) => h.householdId === householdId) ?? households[0]!;
  const choose = (id: string) => {
    rememberCurrentHousehold(id);
    setHouseholdId(id);
  };
  return (
    <>
      {households.length > 1 ? (
        <CellGroup>
          <OptionPicker
            title="当前房屋"
            value={household.householdId}
            options={households.map((h) => ({
              value: h.householdId,
              label: `${h.estateName} ${h.roomCode}`,
            }))}
            onChange={choose}
          />
        </CellGroup>
      ) : null}
      <HouseholdBillsView
        key={`${household.householdId}:${household.unpaid.map((b) => b.billId).join()}`}
        household={household}
        onPaid={onChanged}
      />
    </>
  );
}
