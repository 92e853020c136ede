import {
  deviceStatusLabels,
  deviceTypeLabels,
  formatYuan,
  toLocalDate,
  type facilitiesApi,
} from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { writeSheet } from '../../property/import/write-sheet';
import { facilityCollections } from '../documents';
import { buildingNamesOf } from '../views';

const HEADER = [
  '设备编码',
  '设备名称',
  '类型',
  '状态',
  '型号',
  '生产厂家',
  '出厂编号',
  '楼栋',
  '楼层',
  '安装位置',
  '购置日期',
  '安装日期',
  '保修截止',
  '设计使用年限',
  '购置价（元）',
  '供应商',
  '供应商电话',
  '维保单位',
  '维保单位电话',
  '备注',
];

/** 导出台账: one row per device, every cell text (Excel keeps codes and phone numbers intact). */
export const exportLedger: Handler<typeof facilitiesApi.exportLedger> = async (input, ctx) => {
  assertServesEstate(identityOf(ctx), input.estateId);
  const [devices, buildings, estate] = await Promise.all([
    findAll(
      facilityCollections(ctx.store).devices,
      { where: { estateId: input.estateId } },
      { sort: [['code', 'asc']] },
    ),
    buildingNamesOf(ctx.db, input.estateId),
    ctx.db.estates.get(input.estateId),
  ]);
  const rows = devices.map((d) => [
    d.code,
    d.name,
    deviceTypeLabels[d.type],
    deviceStatusLabels[d.status],
    d.model,
    d.manufacturer,
    d.serialNo,
    d.location.buildingId ? (buildings.get(d.location.buildingId) ?? '') : '',
    d.location.floor === null ? '' : String(d.location.floor),
    d.location.label,
    d.purchaseDate ?? '',
    d.installDate ?? '',
    d.warrantyUntil ?? '',
    d.serviceLifeYears === null ? '' : String(d.serviceLifeYears),
    d.purchaseCost === null ? '' : formatYuan(d.purchaseCost, { symbol: false }),
    d.supplier?.name ?? '',
    d.supplier?.phone ?? '',
    d.contractor?.name ?? '',
    d.contractor?.phone ?? '',
    d.note,
  ]);
  const content = await writeSheet(input.format, [HEADER, ...rows]);
  const filename = `${estate?.name ?? '小区'}设备台账-${toLocalDate(ctx.now())}.${input.format}`;
  return { filename, format: input.format, content };
};
