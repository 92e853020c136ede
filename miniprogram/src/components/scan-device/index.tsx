import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ScanResult } from '@linli/shared';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { scan } from '../../services/scan';
import { Button } from '../nutui';

/** Where a scanned device label leads: staff to the device, owners to a prefilled repair form. */
export function urlForScan(result: ScanResult): string {
  if (result.kind === 'device') return `/admin/device/index?id=${encodeURIComponent(result.deviceId)}`;
  const p = result.prefill;
  const query = [
    ['deviceId', p.deviceId],
    ['householdId', result.householdId],
    ['category', p.category],
    ['area', p.area],
    ['buildingId', p.buildingId ?? ''],
    ['note', p.note],
  ]
    .map(([k, v]) => `${k}=${encodeURIComponent(v ?? '')}`)
    .join('&');
  return `/pages/repair-report/index?${query}`;
}

/** 扫码: read a device's QR label and open what it means for this person. */
export function ScanDeviceButton({ label = '扫码报修' }: { label?: string }) {
  const action = useAction(async () => {
    const text = await scan();
    if (!text) return;
    const result = await call('facilities', 'scan', { text });
    await Taro.navigateTo({ url: urlForScan(result) });
  });
  return (
    <>
      <Button size="small" onClick={() => void action.run()}>
        {label}
      </Button>
      {action.failure ? <Text className="fac-error">{action.failure.message}</Text> : null}
    </>
  );
}
