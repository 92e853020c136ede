import { Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  deviceDefaultArea,
  DeviceType,
  deviceTypeLabels,
  PublicArea,
  publicAreaLabels,
  type DeviceFieldsInput,
  type DeviceView,
  type TreeView,
} from '@linli/shared';
import { useState } from 'react';
import { goBack } from '../../components/back-row';
import { FormCard, FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { OptionPicker } from '../../components/option-picker';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { facilityPageRoles } from '../devices/roles';
import '../devices/facility.css';

const typeOptions = DeviceType.options.map((value) => ({ value, label: deviceTypeLabels[value] }));
const areaOptions = [
  { value: '', label: '不在公共区域（业主不可扫码报修）' },
  ...PublicArea.options.map((value) => ({ value, label: publicAreaLabels[value] })),
];

/** 登记 / 编辑设备. */
export default function DeviceEdit() {
  const id = useRouter().params.id;
  return (
    <StaffPage allow={facilityPageRoles.edit}>
      {({ estateId }) => (
        <Loader key={estateId} estateId={estateId} deviceId={id ? decodeURIComponent(id) : null} />
      )}
    </StaffPage>
  );
}

function Loader({ estateId, deviceId }: { estateId: string; deviceId: string | null }) {
  const data = useRemote(
    async () => ({
      tree: await call('property', 'tree', { estateId }),
      device: deviceId ? await call('facilities', 'detail', { deviceId }) : null,
    }),
    [estateId, deviceId],
  );
  return (
    <RemoteView remote={data}>
      {({ tree, device }) => (
        <DeviceForm estateId={device?.estateId ?? estateId} tree={tree} device={device} />
      )}
    </RemoteView>
  );
}

interface Draft {
  type: DeviceType;
  name: string;
  code: string;
  model: string;
  manufacturer: string;
  serialNo: string;
  buildingId: string;
  floor: string;
  area: string;
  place: string;
  installDate: string;
  warrantyUntil: string;
  serviceLifeYears: string;
  costYuan: string;
  contractorName: string;
  contractorPhone: string;
  note: string;
}

function draftOf(device: DeviceView | null): Draft {
  return {
    type: device?.type ?? 'lift',
    name: device?.name ?? '',
    code: device?.code ?? '',
    model: device?.model ?? '',
    manufacturer: device?.manufacturer ?? '',
    serialNo: device?.serialNo ?? '',
    buildingId: device?.location.buildingId ?? '',
    floor: device?.location.floor === null || !device ? '' : String(device.location.floor),
    area: device ? (device.location.publicAreaId ?? '') : deviceDefaultArea.lift,
    place: device?.location.label ?? '',
    installDate: device?.installDate ?? '',
    warrantyUntil: device?.warrantyUntil ?? '',
    serviceLifeYears: device?.serviceLifeYears ? String(device.serviceLifeYears) : '',
    costYuan: device?.purchaseCost ? (device.purchaseCost / 100).toFixed(2) : '',
    contractorName: device?.contractor?.name ?? '',
    contractorPhone: device?.contractor?.phone ?? '',
    note: device?.note ?? '',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * '420000.5' → 42000050 fen, by digits (checked by `check` first). The shared yuanToFen uses
 * BigInt exponentiation, which the H5 build's transpiler turns into Math.pow and breaks.
 */
function yuanTextToFen(text: string): number {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

function check(d: Draft): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!d.name.trim()) fields['device.name'] = '请填写设备名称';
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{1,29}$/.test(d.code.trim()))
    fields['device.code'] = '编码为 2-30 位字母、数字或短横线';
  if (!d.place.trim()) fields['device.location.label'] = '请填写安装位置';
  for (const key of ['installDate', 'warrantyUntil'] as const)
    if (d[key] && !DATE.test(d[key])) fields[`device.${key}`] = '日期格式为 2026-01-31';
  if (d.floor && !/^-?\d{1,3}$/.test(d.floor)) fields['device.location.floor'] = '请填写楼层数字';
  if (d.serviceLifeYears && !/^\d{1,2}$/.test(d.serviceLifeYears))
    fields['device.serviceLifeYears'] = '请填写年数';
  if (d.costYuan && !/^\d+(\.\d{1,2})?$/.test(d.costYuan)) fields['device.purchaseCost'] = '金额最多两位小数';
  return fields;
}

function toFields(d: Draft, device: DeviceView | null): DeviceFieldsInput {
  const contractor = d.contractorName.trim() || d.contractorPhone.trim();
  return {
    type: d.type,
    name: d.name.trim(),
    code: d.code.trim(),
    model: d.model.trim(),
    manufacturer: d.manufacturer.trim(),
    serialNo: d.serialNo.trim(),
    location: {
      buildingId: d.buildingId || null,
      floor: d.floor ? Number(d.floor) : null,
      publicAreaId: (d.area || null) as PublicArea | null,
      label: d.place.trim(),
    },
    purchaseDate: device?.purchaseDate ?? null,
    installDate: d.installDate || null,
    warrantyUntil: d.warrantyUntil || null,
    serviceLifeYears: d.serviceLifeYears ? Number(d.serviceLifeYears) : null,
    purchaseCost: d.costYuan ? yuanTextToFen(d.costYuan) : null,
    supplier: device?.supplier ?? null,
    contractor: contractor ? { name: d.contractorName.trim(), phone: d.contractorPhone.trim() } : null,
    photos: device?.photos ?? [],
    documents: device?.documents ?? [],
    status: device?.status ?? 'in_service',
    note: d.note.trim(),
  };
}

function DeviceForm({
  estateId,
  tree,
  device,
}: {
  estateId: string;
  tree: TreeView;
  device: DeviceView | null;
}) {
  const [draft, setDraft] = useState(() => draftOf(device));
  const edit = (patch: Partial<Draft>) => setDraft((c) => ({ ...c, ...patch }));
  const buildingOptions = [
    { value: '', label: '不属于某栋楼' },
    ...tree.buildings.map((b) => ({ value: b.buildingId, label: b.name })),
  ];
  const save = useAction(async (d: Draft) => {
    const fields = toFields(d, device);
    return device
      ? call('facilities', 'update', { deviceId: device.deviceId, version: device.version, device: fields })
      : call('facilities', 'create', { estateId, device: fields });
  });
  const errors = save.failure?.fields ?? {};
  const onSave = async () => {
    const fields = check(draft);
    if (Object.keys(fields).length) {
      save.setFailure({ code: 'VALIDATION', message: '请按标红的提示修改后再保存', fields });
      return;
    }
    const saved = await save.run(draft);
    if (!saved) return;
    void Taro.showToast({ title: '已保存', icon: 'success' });
    if (device) goBack('/admin/devices/index');
    else void Taro.redirectTo({ url: `/admin/device/index?id=${encodeURIComponent(saved.deviceId)}` });
  };
  const text = (key: keyof Draft, label: string, placeholder: string, path?: string, hint?: string) => (
    <FormField label={label} hint={hint} error={errors[path ?? `device.${key}`]}>
      <TextInput
        placeholder={placeholder}
        value={draft[key]}
        maxLength={60}
        onChange={(v: string) => edit({ [key]: v })}
      />
    </FormField>
  );
  return (
    <>
      <Text className="section-title">{device ? `编辑设备 · ${device.name}` : '登记设备'}</Text>
      <FormCard>
        <OptionPicker
          title="设备类型"
          options={typeOptions}
          value={draft.type}
          onChange={(type) =>
            edit({
              type: type as DeviceType,
              ...(device ? {} : { area: deviceDefaultArea[type as DeviceType] }),
            })
          }
        />
        {text('name', '设备名称', '如 3号楼1单元电梯')}
        {text('code', '设备编码', '印在二维码标签上，如 LIFT-3-1')}
        {text('model', '型号', '如 GeN2-MR 1000kg')}
        {text('manufacturer', '生产厂家', '如 奥的斯')}
        {text('serialNo', '出厂编号', '铭牌上的编号')}
      </FormCard>
      <FormCard>
        <OptionPicker
          title="所在楼栋"
          options={buildingOptions}
          value={draft.buildingId}
          onChange={(buildingId) => edit({ buildingId })}
        />
        {text('floor', '楼层', '地下一层填 -1', 'device.location.floor')}
        <OptionPicker
          title="公共区域"
          options={areaOptions}
          value={draft.area}
          onChange={(area) => edit({ area })}
        />
        <Text className="fac-card__muted">在公共区域的设备，业主扫码即可报修</Text>
        {text('place', '安装位置', '如 地下一层生活水泵房', 'device.location.label')}
      </FormCard>
      <FormCard>
        {text('installDate', '安装日期', '2026-01-31')}
        {text('warrantyUntil', '保修截止', '2028-01-30')}
        {text('serviceLifeYears', '设计使用年限（年）', '如 15')}
        {text('costYuan', '购置价（元）', '如 380000', 'device.purchaseCost')}
        {text('contractorName', '维保单位', '单位名称', 'device.contractor.name')}
        {text('contractorPhone', '维保电话', '联系电话', 'device.contractor.phone')}
        {text('note', '备注', '选填')}
      </FormCard>
      {save.failure ? <Text className="fac-error">{save.failure.message}</Text> : null}
      <Button type="primary" block disabled={save.pending} onClick={() => void onSave()}>
        保存
      </Button>
    </>
  );
}
