import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  fen,
  formatYuan,
  PriceItemKind,
  priceItemKindLabels,
  yuanToFen,
  type PriceItem,
  type PriceListView,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { workOrderPageRoles } from '../workorders/roles';
import './index.css';

const kinds = PriceItemKind.options.map((value) => ({ value, label: priceItemKindLabels[value] }));

/** 维修收费标准: the labour and parts a technician may quote for paid repairs, and the warranty days. */
export default function RepairPrices() {
  return (
    <StaffPage allow={workOrderPageRoles.desk}>
      {({ estateId, has }) => <Prices key={estateId} estateId={estateId} editable={has('admin')} />}
    </StaffPage>
  );
}

function Prices({ estateId, editable }: { estateId: string; editable: boolean }) {
  const list = useRemote(() => call('workorder', 'priceList', { estateId }), [estateId]);
  return (
    <RemoteView remote={list}>
      {(saved) => (
        <Editor key={saved.updatedAt ?? 0} saved={saved} editable={editable} onSaved={list.refresh} />
      )}
    </RemoteView>
  );
}

interface Row {
  code: string;
  name: string;
  kind: PriceItem['kind'];
  unit: string;
  priceYuan: string;
}

const toRow = (item: PriceItem): Row => ({
  code: item.code,
  name: item.name,
  kind: item.kind,
  unit: item.unit,
  priceYuan: formatYuan(item.unitPriceFen, { symbol: false }).replace(/,/g, ''),
});

let added = 0;
/** A code for a new row; quotes keep referring to an item by it after renames. */
const newCode = () => `item-${Date.now().toString(36)}-${++added}`;

function Editor({
  saved,
  editable,
  onSaved,
}: {
  saved: PriceListView;
  editable: boolean;
  onSaved: () => void;
}) {
  const [rows, setRows] = useState<Row[]>(() => saved.items.map(toRow));
  const [handoverDays, setHandoverDays] = useState(String(saved.warranty.handoverDays));
  const [repairDays, setRepairDays] = useState(String(saved.warranty.repairDays));
  const save = useAction((items: PriceItem[]) =>
    call('workorder', 'savePriceList', {
      estateId: saved.estateId,
      items,
      warranty: { handoverDays: Number(handoverDays), repairDays: Number(repairDays) },
    }),
  );
  const setRow = (index: number, patch: Partial<Row>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = async () => {
    const items: PriceItem[] = [];
    for (const row of rows) {
      let unitPriceFen = fen(0);
      try {
        unitPriceFen = yuanToFen(row.priceYuan);
      } catch {
        save.setFailure({
          code: 'VALIDATION',
          message: `「${row.name || '未命名'}」的单价不是有效金额`,
          fields: {},
        });
        return;
      }
      items.push({
        code: row.code,
        name: row.name.trim(),
        kind: row.kind,
        unit: row.unit.trim(),
        unitPriceFen,
      });
    }
    if (await save.run(items)) {
      onSaved();
      void Taro.showToast({ title: '已保存', icon: 'success' });
    }
  };

  return (
    <>
      <View className="prices__intro">
        <Text>
          入户有偿维修时，师傅从这里选择人工和配件报价；业主确认后生成维修费账单。公共区域、设备与保修期内的维修免费。
        </Text>
      </View>
      {rows.map((row, index) => (
        <View key={row.code} className="prices__row">
          {editable ? (
            <>
              <View className="prices__line">
                <View className="prices__name">
                  <TextInput
                    placeholder="项目名称"
                    value={row.name}
                    maxLength={30}
                    onChange={(name) => setRow(index, { name })}
                  />
                </View>
                <Text
                  className="prices__remove"
                  onClick={() => setRows((all) => all.filter((_, i) => i !== index))}
                >
                  删除
                </Text>
              </View>
              <View className="prices__line">
                <ChoiceChips options={kinds} value={row.kind} onChange={(kind) => setRow(index, { kind })} />
              </View>
              <View className="prices__line">
                <Text className="prices__label">单价 ¥</Text>
                <View className="prices__price">
                  <TextInput
                    type="digit"
                    placeholder="0.00"
                    value={row.priceYuan}
                    maxLength={9}
                    onChange={(priceYuan) => setRow(index, { priceYuan })}
                  />
                </View>
                <Text className="prices__label">/ 单位</Text>
                <View className="prices__unit">
                  <TextInput
                    placeholder="个"
                    value={row.unit}
                    maxLength={6}
                    onChange={(unit) => setRow(index, { unit })}
                  />
                </View>
              </View>
            </>
          ) : (
            <View className="prices__line">
              <Text className="prices__name">
                {row.name} · {priceItemKindLabels[row.kind]}
              </Text>
              <Text className="prices__amount">
                ¥{row.priceYuan}/{row.unit}
              </Text>
            </View>
          )}
        </View>
      ))}
      {rows.length === 0 ? <Text className="prices__empty">还没有收费项目</Text> : null}
      {editable ? (
        <>
          <Button
            size="small"
            fill="outline"
            onClick={() =>
              setRows((all) => [
                ...all,
                { code: newCode(), name: '', kind: 'part', unit: '个', priceYuan: '' },
              ])
            }
          >
            添加项目
          </Button>
          <View className="prices__row">
            <FormField label="交房后保修天数" hint="交房后这些天内的入户维修免费">
              <TextInput type="number" value={handoverDays} maxLength={4} onChange={setHandoverDays} />
            </FormField>
            <FormField label="有偿维修保修天数" hint="有偿维修完工后这些天内返修免费">
              <TextInput type="number" value={repairDays} maxLength={3} onChange={setRepairDays} />
            </FormField>
          </View>
          {save.failure ? <Text className="prices__error">{save.failure.message}</Text> : null}
          <Button type="primary" block disabled={save.pending} onClick={() => void submit()}>
            {save.pending ? '保存中…' : '保存收费标准'}
          </Button>
        </>
      ) : (
        <Text className="prices__empty">
          保修：交房后 {handoverDays} 天内、有偿维修后 {repairDays} 天内返修免费。仅管理员可修改。
        </Text>
      )}
    </>
  );
}
