import { Text } from '@tarojs/components';
import type { WorkOrderDetail } from '@linli/shared';
import { useState } from 'react';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { useSubscribeMoment } from '../../hooks/use-subscribe-moment';

/**
 * Right after a report is the moment owners want progress messages. WeChat's prompt needs a
 * tap, so the page offers a button rather than asking on its own.
 */
export function SubscribePrompt({ order }: { order: WorkOrderDetail }) {
  const { available, ask } = useSubscribeMoment('after_repair_report');
  const [answered, setAnswered] = useState<string | null>(null);

  const onAsk = async () => {
    const outcome = await ask.run();
    if (outcome)
      setAnswered(
        outcome.accepted > 0
          ? '已开启，派单、师傅出发和完工时会通知您。'
          : '未开启通知，可随时在此查看进度。',
      );
  };

  return (
    <MessageBlock tone="success" title={`报修已提交，工单号 ${order.orderNo}`}>
      <Text className="repair-detail__subscribe-text">
        {answered ??
          (order.assigneeName
            ? `已派单给${order.assigneeName}，师傅会尽快与您联系。`
            : '物业正在安排维修师傅，请留意进度。')}
      </Text>
      {ask.failure ? <Text className="repair-detail__error">{ask.failure.message}</Text> : null}
      {available && !answered ? (
        <Button
          size="small"
          type="primary"
          fill="outline"
          disabled={ask.pending}
          onClick={() => void onAsk()}
        >
          接收进度通知
        </Button>
      ) : null}
    </MessageBlock>
  );
}
