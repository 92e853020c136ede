import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PublicArea, publicAreaLabels, type WorkOrderLocationInput } from '@linli/shared';
import { ChoiceChips } from '../choice-chips';
import { Button } from '../nutui';
import { TextInput } from '../text-input';
import { messageOf } from '../../services/api';
import { scan } from '../../services/scan';
import './index.css';

const areas = PublicArea.options.map((value) => ({ value, label: publicAreaLabels[value] }));
const DEVICE_ID = /^[\w.:-]{1,64}$/;
/** Device labels may carry a prefix before the id (`linli-device:LIFT-2-1`). */
const DEVICE_PREFIX = /^[a-z-]+:(?=[\w.-])/i;

interface LocationFieldProps {
  roomCode: string;
  value: WorkOrderLocationInput;
  onChange: (value: WorkOrderLocationInput) => void;
}

/** My home, or a public area; a device's QR code fills in which device. */
export function LocationField({ roomCode, value, onChange }: LocationFieldProps) {
  const kinds = [
    { value: 'household', label: `我家 ${roomCode}` },
    { value: 'public', label: '公共区域 / 设备' },
  ] as const;
  const setKind = (kind: 'household' | 'public') =>
    onChange(kind === 'household' ? { kind } : { kind, area: 'corridor' });

  const scanDevice = async (current: Extract<WorkOrderLocationInput, { kind: 'public' }>) => {
    try {
      const text = await scan();
      if (text === null) return;
      const deviceId = text.trim().replace(DEVICE_PREFIX, '');
      if (!DEVICE_ID.test(deviceId)) {
        void Taro.showToast({ title: '无法识别的设备二维码', icon: 'none' });
        return;
      }
      onChange({ ...current, deviceId });
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };

  return (
    <>
      <ChoiceChips options={kinds} value={value.kind} onChange={setKind} />
      {value.kind === 'public' ? (
        <View className="repair-fields__public">
          <ChoiceChips options={areas} value={value.area} onChange={(area) => onChange({ ...value, area })} />
          <TextInput
            placeholder="补充位置，例如 3号楼2单元 8楼"
            value={value.note ?? ''}
            maxLength={30}
            onChange={(note) => onChange({ ...value, note: note || undefined })}
          />
          <View className="repair-fields__device">
            <Text className="repair-fields__device-text">
              {value.deviceId ? `设备编号：${value.deviceId}` : '设备故障可扫描设备上的二维码'}
            </Text>
            <Button size="small" fill="outline" onClick={() => void scanDevice(value)}>
              {value.deviceId ? '重新扫码' : '扫码'}
            </Button>
          </View>
        </View>
      ) : null}
    </>
  );
}
