import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CandidateView, WorkOrderDetail } from '@linli/shared';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

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
  const assign = useAction((candidate: CandidateView) =>
    call('workorder', 'reassign', {
      orderId: order.orderId,
      staffId: candidate.staffId,
      reason: order.assigneeId ? `客服改派给${candidate.name}` : `客服指派给${candidate.name}`,
    }),
  );

  const pick = async (candidate: CandidateView) => {
    const changed = await assign.run(candidate);
    if (changed) {
      onAssigned(changed);
      void Taro.showToast({ title: `已派给${candidate.name}`, icon: 'success' });
    }
  };

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
                    onClick={() => void pick(candidate)}
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
