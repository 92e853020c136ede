import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { DeviceLabel } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { facilityPageRoles } from '../devices/roles';
import '../devices/facility.css';
import './index.css';

/** 打印设备标签: a sheet of QR labels (one device, or the whole ledger) to print and stick on. */
export default function DeviceLabels() {
  const ids = useRouter().params.ids;
  const deviceIds = ids ? decodeURIComponent(ids).split(',').filter(Boolean) : undefined;
  return (
    <StaffPage allow={facilityPageRoles.devices}>
      {({ estateId }) => <Sheet key={estateId} estateId={estateId} deviceIds={deviceIds} />}
    </StaffPage>
  );
}

function Sheet({ estateId, deviceIds }: { estateId: string; deviceIds?: string[] }) {
  const labels = useRemote(
    () => call('facilities', 'labels', { estateId, ...(deviceIds ? { deviceIds } : {}) }),
    [estateId, deviceIds?.join(',')],
  );
  const canPrint = process.env.TARO_ENV === 'h5';
  return (
    <RemoteView remote={labels}>
      {(list: DeviceLabel[]) =>
        list.length === 0 ? (
          <EmptyState glyph="▦" title="没有可打印的标签" description="先在「设备台账」登记设备" />
        ) : (
          <>
            <View className="labels__toolbar fac-bar">
              <Text className="fac-count">共 {list.length} 张标签，建议用不干胶纸打印后贴在设备铭牌旁</Text>
              {canPrint ? (
                <Button size="small" type="primary" onClick={() => window.print()}>
                  打印
                </Button>
              ) : null}
            </View>
            <View className="labels__sheet">
              {list.map((label) => (
                <View key={label.deviceId} className="label-card">
                  <Image className="label-card__qr" src={label.qrDataUrl} mode="aspectFit" />
                  <Text className="label-card__code">{label.code}</Text>
                  <Text className="label-card__name">{label.name}</Text>
                  <Text className="label-card__name">{label.locationLabel}</Text>
                  <Text className="label-card__hint">邻里物业 · 扫码报修</Text>
                </View>
              ))}
            </View>
          </>
        )
      }
    </RemoteView>
  );
}
