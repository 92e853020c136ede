import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EstateOverview, MeView } from '@linli/shared';
import { useEffect, useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Cell, CellGroup } from '../../components/nutui';
import { OptionPicker } from '../../components/option-picker';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { StatGrid, StatTile } from '../../components/stat-tile';
import { groupDigits } from '../../format';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
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

/**
 * The server refuses owners every staff action anyway; this only spares them a page of errors.
 * It sends them back to 我的, where the entry is not shown to them.
 */
function OwnersAway() {
  useEffect(() => {
    void Taro.showToast({ title: '仅物业员工可使用工作台', icon: 'none' });
    const timer = setTimeout(() => void Taro.switchTab({ url: '/pages/mine/index' }), 1200);
    return () => clearTimeout(timer);
  }, []);
  return <EmptyState title="仅物业员工可使用工作台" description="正在返回「我的」…" glyph="⚙" />;
}

function StaffDesk({ account }: { account: MeView }) {
  const [estateId, setEstateId] = useState(account.staffEstateIds[0] ?? null);
  if (!estateId)
    return <EmptyState title="暂无负责的小区" description="请联系管理员为您分配小区。" glyph="⚙" />;
  return (
    <>
      {account.staffEstateIds.length > 1 ? (
        <EstatePicker estateIds={account.staffEstateIds} value={estateId} onChange={setEstateId} />
      ) : null}
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

/** Names come from binding.estates; an id stands in if that list cannot be read. */
function EstatePicker({
  estateIds,
  value,
  onChange,
}: {
  estateIds: string[];
  value: string;
  onChange: (id: string) => void;
}) {
  const estates = useRemote(() => call('binding', 'estates', {}), []);
  const names = new Map(
    estates.status === 'ready' ? estates.data.estates.map((e) => [e.estateId, e.name]) : [],
  );
  return (
    <CellGroup>
      <OptionPicker
        title="当前小区"
        value={value}
        options={estateIds.map((id) => ({ value: id, label: names.get(id) ?? id }))}
        onChange={onChange}
      />
    </CellGroup>
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
