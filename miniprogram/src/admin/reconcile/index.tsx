import { Text, View } from '@tarojs/components';
import { formatDateTime, formatYuan, toLocalDate, type Fen, type ReconcileReport } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { MessageBlock } from '../../components/message-block';
import { Button, Cell, CellGroup } from '../../components/nutui';
import { useAction } from '../../hooks/use-action';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { call } from '../../services/api';
import './index.css';

const DAY = 86_400_000;

/** 对账: WeChat Pay's trade bill of a day against our records; every fen matched or listed. */
export default function Reconcile() {
  return <StaffPage allow={staffPageRoles.billing}>{() => <ReconcileDesk />}</StaffPage>;
}

function ReconcileDesk() {
  const days = [0, 1, 2, 3, 4, 5, 6].map((n) => toLocalDate(Date.now() - n * DAY));
  const [billDate, setBillDate] = useState(days[1]!);
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const run = useAction(async () => setReport(await call('payment', 'reconcile', { billDate })));
  return (
    <>
      <Text className="section-title">账单日期</Text>
      <ChoiceChips
        options={days.map((d, i) => ({
          value: d,
          label: i === 0 ? `今天 ${d.slice(5)}` : i === 1 ? `昨天 ${d.slice(5)}` : d.slice(5),
        }))}
        value={billDate}
        onChange={(d) => {
          setBillDate(d);
          setReport(null);
        }}
      />
      {run.failure ? <MessageBlock tone="error" title={run.failure.message} /> : null}
      <Button type="primary" block disabled={run.pending} onClick={() => void run.run()}>
        {run.pending ? '正在下载账单并核对…' : `核对 ${billDate} 的交易`}
      </Button>
      {report ? <ReportView report={report} /> : null}
    </>
  );
}

function ReportView({ report }: { report: ReconcileReport }) {
  const differences = [
    ...report.missingOurs.map((d) => ({ ...d, kind: '微信有、本系统无' })),
    ...report.missingTheirs.map((d) => ({ ...d, kind: '本系统有、微信无' })),
    ...report.amountDiffs.map((d) => ({ ...d, kind: '金额不一致' })),
  ];
  const yuan = (f: Fen | null) => (f === null ? '—' : formatYuan(f));
  return (
    <View className="reconcile-report">
      {report.clean ? (
        <MessageBlock
          tone="success"
          title={report.noStatement ? '当天没有微信支付交易，无需核对' : '对账一致'}
        >
          <Text>
            {report.matched} 笔、{formatYuan(report.matchedFen)} 全部核对无误。
          </Text>
        </MessageBlock>
      ) : (
        <MessageBlock tone="error" title={`发现 ${differences.length} 处差异`}>
          <Text>请逐笔核实；未入账的付款可在收款记录中查询订单。</Text>
        </MessageBlock>
      )}
      <CellGroup title={`${report.billDate} 汇总`}>
        <Cell title="核对一致" extra={`${report.matched} 笔 · ${formatYuan(report.matchedFen)}`} />
        <Cell title="微信支付账单合计" extra={formatYuan(report.theirTotalFen)} />
        <Cell title="本系统收款合计" extra={formatYuan(report.ourTotalFen)} />
        <Cell title="核对时间" extra={`${formatDateTime(report.ranAt)} · ${report.ranByName}`} />
      </CellGroup>
      {differences.length ? (
        <CellGroup title="差异明细">
          {differences.map((d) => (
            <Cell
              key={`${d.kind}:${d.outTradeNo}`}
              title={d.kind}
              description={d.outTradeNo}
              extra={`微信 ${yuan(d.theirFen)} / 本系统 ${yuan(d.ourFen)}`}
            />
          ))}
        </CellGroup>
      ) : null}
    </View>
  );
}
