import { Text, View } from '@tarojs/components';
import {
  addPeriods,
  formatDateTime,
  formatYuan,
  periodOf,
  type BillRunView,
  type RunPreview,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { MessageBlock } from '../../components/message-block';
import { Button, Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { PreviewFacts } from './preview-facts';
import { RunProgress } from './run-progress';
import './index.css';

/** 出账: pick a month, see what the run would make, then make it in chunks with its progress. */
export default function BillRun() {
  return (
    <StaffPage allow={staffPageRoles.billing}>
      {({ estateId }) => <RunDesk key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

function RunDesk({ estateId }: { estateId: string }) {
  const thisMonth = periodOf(Date.now());
  const periods = [addPeriods(thisMonth, -1), thisMonth, addPeriods(thisMonth, 1)];
  const [period, setPeriod] = useState(thisMonth);
  return (
    <>
      <Text className="section-title">账期</Text>
      <View className="bill-run__periods">
        <ChoiceChips
          options={periods.map((p) => ({ value: p, label: p === thisMonth ? `${p}（本月）` : p }))}
          value={period}
          onChange={setPeriod}
        />
      </View>
      <PeriodRun key={period} estateId={estateId} period={period} />
    </>
  );
}

function PeriodRun({ estateId, period }: { estateId: string; period: string }) {
  const status = useRemote(() => call('billing', 'run.status', { estateId, period }), [estateId, period]);
  const [preview, setPreview] = useState<RunPreview | null>(null);
  const [live, setLive] = useState<BillRunView | null>(null);
  const look = useAction(async () => setPreview(await call('billing', 'run.preview', { estateId, period })));
  // Each call bills one chunk; calling again until done resumes exactly where the last one stopped.
  const commit = useAction(async () => {
    for (;;) {
      const step = await call('billing', 'run.commit', { estateId, period, rescan: false, chunkSize: 200 });
      setLive(step.run);
      if (step.done) break;
    }
    status.refresh();
  });
  const failure = look.failure ?? commit.failure;

  return (
    <RemoteView remote={status}>
      {({ run, recent }) => {
        const shown = live ?? run;
        const finished = shown?.status === 'done';
        return (
          <>
            {shown ? <RunProgress run={shown} /> : null}
            {failure ? (
              <MessageBlock tone="error" title="操作失败">
                <Text>{failure.message}</Text>
              </MessageBlock>
            ) : null}
            {!finished ? (
              <View className="bill-run__buttons">
                <Button
                  fill="outline"
                  disabled={look.pending || commit.pending}
                  onClick={() => void look.run()}
                >
                  {look.pending ? '正在预览…' : preview ? '重新预览' : '预览出账'}
                </Button>
                <Button
                  type="primary"
                  disabled={!(preview || shown) || commit.pending}
                  onClick={() => void commit.run()}
                >
                  {commit.pending ? '正在出账…' : shown ? '继续出账' : '确认出账'}
                </Button>
              </View>
            ) : (
              <MessageBlock tone="success" title={`${period} 已出账`}>
                <Text>
                  共 {shown.bills} 张账单、{formatYuan(shown.amountFen)}；其中预存抵扣{' '}
                  {formatYuan(shown.prepaidFen)}。 再次出账不会重复生成账单。
                </Text>
              </MessageBlock>
            )}
            {!finished && !preview && !shown ? (
              <Text className="bill-run__hint">
                先预览，核对户数、金额和样例明细后再确认出账。预览不会写入任何数据。
              </Text>
            ) : null}
            {preview && !finished ? <PreviewFacts preview={preview} /> : null}
            <RecentRuns runs={recent} />
          </>
        );
      }}
    </RemoteView>
  );
}

function RecentRuns({ runs }: { runs: BillRunView[] }) {
  if (runs.length === 0) return null;
  return (
    <CellGroup title="最近出账">
      {runs.map((run) => (
        <Cell
          key={run.runId}
          title={`${run.period} · ${run.statusLabel}`}
          description={`${run.startedByName} · ${formatDateTime(run.startedAt)}`}
          extra={`${run.bills} 张 · ${formatYuan(run.amountFen)}`}
        />
      ))}
    </CellGroup>
  );
}
