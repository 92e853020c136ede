import { Text, View } from '@tarojs/components';
import { formatYuan, type PreviewBill, type RunPreview } from '@linli/shared';
import { useState } from 'react';
import { BillLines, UsageFacts } from '../../components/bill-lines';
import { MessageBlock } from '../../components/message-block';
import { Cell, CellGroup } from '../../components/nutui';
import { StatGrid, StatTile } from '../../components/stat-tile';

/** The preview: totals, what needs attention first, per fee item, and a few households in full. */
export function PreviewFacts({ preview }: { preview: RunPreview }) {
  return (
    <>
      <Text className="section-title">预览：{preview.period}</Text>
      <StatGrid>
        <StatTile label="出账户数" value={`${preview.billedHouseholds}/${preview.households}`} />
        <StatTile label="账单" value={preview.bills} />
        <StatTile label="明细行" value={preview.lines} />
        <StatTile label="应收金额" value={formatYuan(preview.amountFen)} wide />
        <StatTile label="空置/赠送减收" value={formatYuan(preview.reliefFen)} />
      </StatGrid>
      <Warnings preview={preview} />
      <CellGroup title="按收费项目">
        {preview.byItem.map((item) => (
          <Cell
            key={item.itemCode}
            title={item.itemName}
            description={`${item.bills} 张 · ${item.lines} 行`}
            extra={formatYuan(item.amountFen)}
          />
        ))}
      </CellGroup>
      <Text className="section-title">样例明细（特殊情况优先）</Text>
      {preview.samples.map((sample) => (
        <View key={sample.householdId} className="preview-sample">
          <Text className="preview-sample__room">{sample.roomCode}</Text>
          {sample.bills.map((bill) => (
            <SampleBill key={bill.billId} bill={bill} />
          ))}
        </View>
      ))}
    </>
  );
}

function Warnings({ preview }: { preview: RunPreview }) {
  const warnings: string[] = [];
  if (preview.heldReadings) warnings.push(`${preview.heldReadings} 个抄表读数待复核，复核前不出这些表的账单`);
  if (preview.missingReadings) warnings.push(`${preview.missingReadings} 户缺少上月读数，暂不出计量费账单`);
  if (preview.alreadyIssued)
    warnings.push(`${preview.alreadyIssued} 张账单已出过，确认后只生成其余 ${preview.newBills} 张`);
  if (preview.next) warnings.push('小区户数较多，预览只计算了前一部分住户；出账会处理全部住户');
  if (warnings.length === 0) return <MessageBlock tone="success" title="未发现需要注意的问题" />;
  return (
    <MessageBlock tone="warning" title="请注意">
      {warnings.map((warning) => (
        <Text key={warning} className="preview-warning">
          · {warning}
        </Text>
      ))}
    </MessageBlock>
  );
}

function SampleBill({ bill }: { bill: PreviewBill }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="preview-bill">
      <View className="preview-bill__head" onClick={() => setOpen(!open)}>
        <Text className="preview-bill__name">
          {bill.itemName}
          {bill.issued ? '（已出账）' : ''}
        </Text>
        <Text className="preview-bill__amount">
          {formatYuan(bill.amountFen)} {open ? '▴' : '▾'}
        </Text>
      </View>
      {open ? (
        <>
          {bill.usage ? <UsageFacts usage={bill.usage} /> : null}
          <BillLines lines={bill.lines} />
        </>
      ) : (
        <Text className="preview-bill__formula">{bill.lines[0]?.formula}</Text>
      )}
    </View>
  );
}
