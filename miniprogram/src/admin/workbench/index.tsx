import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { EstateOverview, MeView } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { StatGrid, StatTile } from '../../components/stat-tile';
import { groupDigits } from '../../format';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { pickCurrentEstate, rememberCurrentEstate } from '../../state/current-estate';
import { EstatePicker } from '../components/estate-picker';
import { OwnersAway } from '../components/owners-away';
import { AlarmBanner } from '../alarms/alarm-banner';
import { CompanyPanel } from './company-panel';
import { DashboardPanel } from './dashboard-panel';
import { EntryTiles } from './entry-tiles';
import './index.css';

export default function Workbench() {
  const me = useRemote(() => call('account', 'me', {}), []);
  return (
    <Screen>
      <RemoteView remote={me}>
        {(account) => (account.isStaff ? <StaffDesk account={account} /> : <OwnersAway />)}
      </RemoteView>
    </Screen>
  );
}

function StaffDesk({ account }: { account: MeView }) {
  const [estateId, setEstateId] = useState(() => pickCurrentEstate(account.staffEstateIds));
  // A staff page may have switched the estate meanwhile; they share the choice.
  useDidShow(() => setEstateId(pickCurrentEstate(account.staffEstateIds)));
  if (!estateId)
    return <EmptyState title="暂无负责的小区" description="请联系管理员为您分配小区。" glyph="⚙" />;
  const choose = (id: string) => {
    rememberCurrentEstate(id);
    setEstateId(id);
  };
  return (
    <>
      {account.staffEstateIds.length > 1 ? (
        <EstatePicker estateIds={account.staffEstateIds} value={estateId} onChange={choose} />
      ) : null}
      <AlarmBanner estateId={estateId} roles={account.roles} />
      <EntryTiles roles={account.roles} />
      <CompanyPanel
        roles={account.roles}
        estateCount={account.staffEstateIds.length}
        current={estateId}
        onOpen={(id) => {
          choose(id);
          void Taro.pageScrollTo({ selector: '.dashboard', duration: 200 });
        }}
      />
      <DashboardPanel estateId={estateId} roles={account.roles} />
      <EstateOverviewView estateId={estateId} />
      {/* H5 has no navigation bar, and a reLaunch from the dev login leaves nothing to go back to. */}
      <CellGroup>
        <Cell
          title="返回「我的」"
          extra="›"
          clickable
          onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}
        />
      </CellGroup>
    </>
  );
}

function EstateOverviewView({ estateId }: { estateId: string }) {
  const overview = useRemote(() => call('property', 'estateOverview', { estateId }), [estateId]);
  return <RemoteView remote={overview}>{(view) => <OverviewFacts overview={view} />}</RemoteView>;
}

function OverviewFacts({ overview }: { overview: EstateOverview }) {
  const { totals } = overview;
  return (
    <>
      <View className="workbench__estate">
        <Text className="workbench__estate-name">{overview.estateName}</Text>
        <Text className="workbench__estate-address">{overview.address}</Text>
      </View>
      <StatGrid>
        <StatTile label="楼栋" value={totals.buildings} />
        <StatTile label="单元" value={totals.units} />
        <StatTile label="房屋" value={groupDigits(totals.households)} />
        <StatTile label="住户" value={groupDigits(totals.residents)} />
        <StatTile label="已绑定房屋" value={groupDigits(totals.boundHouseholds)} />
        <StatTile label="车位" value={groupDigits(totals.parkingSpaces)} />
        <StatTile label="员工" value={totals.staff} />
        <StatTile label="总建筑面积" value={groupDigits(overview.totalBuildingArea)} unit="m²" wide />
      </StatGrid>
      <CellGroup title="楼栋">
        {overview.buildings.length === 0 ? <Cell title="暂无楼栋" /> : null}
        {overview.buildings.map((building) => (
          <Cell
            key={building.buildingId}
            title={building.name}
            extra={`${building.units} 个单元 · ${building.households} 户`}
          />
        ))}
      </CellGroup>
    </>
  );
}
