import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DeviceType, deviceTypeLabels, type DeviceListView, type DeviceSummary } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { OptionPicker } from '../../components/option-picker';
import { RemoteView } from '../../components/remote-view';
import { ScanDeviceButton } from '../../components/scan-device';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { saveSheet } from '../../services/sheet-file';
import { StaffPage } from '../components/staff-page';
import { facilityPageRoles } from './roles';
import './facility.css';

const typeOptions = [
  { value: '', label: '全部类型' },
  ...DeviceType.options.map((value) => ({ value, label: deviceTypeLabels[value] })),
];

const warrantyTone = { none: '', active: 'ok', expiring: 'warn', expired: '' } as const;

/** 设备台账: every device of the estate, filtered and searched; entry to labels, plans, analysis. */
export default function Devices() {
  return (
    <StaffPage allow={facilityPageRoles.devices}>
      {({ estateId, has }) => (
        <Ledger key={estateId} estateId={estateId} admin={has('admin')} exporter={has('admin', 'finance')} />
      )}
    </StaffPage>
  );
}

function Ledger({ estateId, admin, exporter }: { estateId: string; admin: boolean; exporter: boolean }) {
  const [type, setType] = useState('');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const list = useRemote(
    () =>
      call('facilities', 'list', {
        estateId,
        ...(type ? { type: type as DeviceType } : {}),
        ...(query ? { q: query } : {}),
        limit: 100,
      }),
    [estateId, type, query],
  );
  useReloadOnShow(list.refresh);
  const exportLedger = useAction(async () => {
    await saveSheet(await call('facilities', 'exportLedger', { estateId, format: 'xlsx' }));
  });
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <View className="fac-actions">
        {admin ? (
          <Button size="small" type="primary" onClick={() => go('/admin/device-edit/index')}>
            登记设备
          </Button>
        ) : null}
        <Button size="small" onClick={() => go('/admin/device-labels/index')}>
          打印标签
        </Button>
        <Button size="small" onClick={() => go('/admin/plans/index')}>
          巡检保养
        </Button>
        <ScanDeviceButton label="扫码查设备" />
      </View>
      <View className="fac-bar">
        <View className="fac-grow">
          <OptionPicker title="设备类型" options={typeOptions} value={type} onChange={setType} />
        </View>
        {exporter ? (
          <Text className="fac-link" onClick={() => void exportLedger.run()}>
            {exportLedger.pending ? '正在导出…' : '导出台账'}
          </Text>
        ) : null}
        {admin || exporter ? (
          <Text className="fac-link" onClick={() => go('/admin/lifecycle/index')}>
            寿命分析
          </Text>
        ) : null}
      </View>
      {exportLedger.failure ? <Text className="fac-error">{exportLedger.failure.message}</Text> : null}
      <View className="fac-bar">
        <View className="fac-grow">
          <TextInput
            placeholder="名称、编码、型号或位置"
            value={q}
            maxLength={30}
            onChange={setQ}
            onConfirm={() => setQuery(q.trim())}
          />
        </View>
        <Button size="small" onClick={() => setQuery(q.trim())}>
          搜索
        </Button>
      </View>
      <RemoteView remote={list}>
        {(view: DeviceListView) =>
          view.items.length === 0 ? (
            <EmptyState
              glyph="⚙"
              title={query || type ? '没有符合条件的设备' : '还没有登记设备'}
              description={admin && !query && !type ? '点「登记设备」把电梯、水泵等设备录入台账' : undefined}
            />
          ) : (
            <>
              <Text className="fac-count">共 {view.total} 台设备</Text>
              {view.items.map((device) => (
                <DeviceCard key={device.deviceId} device={device} />
              ))}
            </>
          )
        }
      </RemoteView>
    </>
  );
}

function DeviceCard({ device }: { device: DeviceSummary }) {
  const tone = warrantyTone[device.warrantyState];
  return (
    <View
      className="fac-card"
      onClick={() =>
        void Taro.navigateTo({ url: `/admin/device/index?id=${encodeURIComponent(device.deviceId)}` })
      }
    >
      <View className="fac-card__head">
        <Text className="fac-card__title">{device.name}</Text>
        <Text className={`fac-badge ${device.status === 'in_service' ? '' : 'fac-badge--warn'}`}>
          {device.statusLabel}
        </Text>
      </View>
      <Text className="fac-card__code">
        {device.code} · {device.typeLabel}
        {device.model ? ` · ${device.model}` : ''}
      </Text>
      <Text className="fac-card__meta">
        {device.buildingName ? `${device.buildingName} · ` : ''}
        {device.locationLabel}
      </Text>
      <View className="fac-card__head">
        <Text className="fac-card__muted">
          {device.installDate ? `安装于 ${device.installDate}` : '安装日期未登记'}
        </Text>
        <Text className={`fac-badge ${tone ? `fac-badge--${tone}` : ''}`}>{device.warrantyLabel}</Text>
      </View>
    </View>
  );
}
