import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CandidateView, WorkOrderDetail } from '@linli/shared';
import { useState } from 'react';
import { Button } from '../../components/nutui';
import { ReasonForm } from '../../components/reason-form';
import { RemoteView } from '../../components/remote-view';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

const reassignReasons = ['原师傅临时请假', '业主要求更换师傅', '原师傅手上工单过多'];

interface CandidatesProps {
  order: WorkOrderDetail;
  onAssigned: (order: WorkOrderDetail) => void;
}

/** Who could take the order, best first, with score and reasons; the desk may pick anyone listed. */
export function Candidates({ order, onAssigned }: CandidatesProps) {
  const decision = useRemote(
    () => call('workorder', 'candidates', { orderId: order.orderId }),
    [order.orderId],
  );
  /** Taking an order from one technician to give it to another asks why first. */
  const [moving, setMoving] = useState<CandidateView | null>(null);
  const assign = useAction((candidate: CandidateView, reason?: string) =>
    call('workorder', 'reassign', {
      orderId: order.orderId,
      staffId: candidate.staffId,
      reason: reason ?? `客服指派给${candidate.name}`,
    }),
  );

  const give = async (candidate: CandidateView, reason?: string) => {
    const changed = await assign.run(candidate, reason);
    if (changed) {
      setMoving(null);
      onAssigned(changed);
      void Taro.showToast({ title: `已派给${candidate.name}`, icon: 'success' });
    }
  };
  const pick = (candidate: CandidateView) => (order.assigneeId ? setMoving(candidate) : void give(candidate));

  if (moving)
    return (
      <ReasonForm
        title={`改派给${moving.name}`}
        suggestions={reassignReasons}
        placeholder="请说明改派原因，原师傅、新师傅和业主都能在进度中看到"
        submitLabel="确认改派"
        onClose={() => setMoving(null)}
        onSubmit={(reason) => give(moving, reason)}
      />
    );

  return (
    <View className="desk__card">
      <Text className="desk__card-title">候选师傅</Text>
      <RemoteView remote={decision}>
        {(view) => (
          <>
            <Text className="desk__summary">
              {order.assigneeId ? `系统排序：${view.summary}` : `系统建议：${view.summary}`}
            </Text>
            {assign.failure ? <Text className="desk__error">{assign.failure.message}</Text> : null}
            {view.ranked.map((candidate, index) => (
              <View key={candidate.staffId} className="desk__candidate">
                <View className="desk__candidate-text">
                  <Text className="desk__candidate-name">
                    {index + 1}. {candidate.name}
                    <Text className="desk__candidate-score"> {candidate.score} 分</Text>
                    {candidate.staffId === order.assigneeId ? (
                      <Text className="desk__candidate-current"> 当前</Text>
                    ) : null}
                  </Text>
                  <Text className="desk__reason">{candidate.reason}</Text>
                </View>
                {candidate.staffId !== order.assigneeId ? (
                  <Button
                    size="small"
                    fill="outline"
                    disabled={assign.pending}
                    onClick={() => pick(candidate)}
                  >
                    派给他
                  </Button>
                ) : null}
              </View>
            ))}
            {view.excluded.map((out) => (
              <Text key={out.staffId} className="desk__reason desk__reason--out">
                {out.reason}
              </Text>
            ))}
          </>
        )}
      </RemoteView>
    </View>
  );
}
