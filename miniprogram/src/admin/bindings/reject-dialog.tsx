import { Text, View } from '@tarojs/components';
import type { BindingQueueItem } from '@linli/shared';
import { useEffect, useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { Button } from '../../components/nutui';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { Dialog, TextArea } from '../components/nutui';

const commonReasons = ['信息与登记不符', '非本房屋业主或住户', '请携带证件到物业服务中心核验'];
const choices = commonReasons.map((reason) => ({ value: reason, label: reason }));

interface RejectDialogProps {
  /** The application being rejected; null keeps the dialog closed. */
  item: BindingQueueItem | null;
  onClose: () => void;
  onRejected: (item: BindingQueueItem) => void;
}

/** A rejection needs a reason: the owner reads it in 我的申请. */
export function RejectDialog({ item, onClose, onRejected }: RejectDialogProps) {
  const [reason, setReason] = useState('');
  const reject = useAction((target: BindingQueueItem, text: string) =>
    call('binding', 'decide', { bindingId: target.bindingId, decision: 'reject', reason: text }),
  );
  const { setFailure } = reject;
  useEffect(() => {
    setReason('');
    setFailure(null);
  }, [item, setFailure]);

  const confirm = async () => {
    if (!item) return;
    const text = reason.trim();
    if (!text) {
      setFailure({ code: 'VALIDATION', message: '请填写驳回原因，业主会看到', fields: {} });
      return;
    }
    if (await reject.run(item, text)) onRejected(item);
  };

  return (
    <Dialog
      visible={item !== null}
      title={item ? `驳回 ${item.roomCode} 的申请` : ''}
      onClose={onClose}
      onCancel={onClose}
      footer={
        <View className="reject-dialog__footer">
          <Button size="small" fill="outline" onClick={onClose}>
            取消
          </Button>
          <Button size="small" type="danger" disabled={reject.pending} onClick={() => void confirm()}>
            {reject.pending ? '提交中…' : '确认驳回'}
          </Button>
        </View>
      }
    >
      <View className="reject-dialog">
        <Text className="reject-dialog__label">驳回原因（必填，业主会看到）</Text>
        <ChoiceChips options={choices} value={reason} onChange={setReason} />
        <TextArea
          className="reject-dialog__text"
          value={reason}
          maxLength={100}
          placeholder="请说明驳回原因"
          onChange={setReason}
        />
        {reject.failure ? <Text className="reject-dialog__error">{reject.failure.message}</Text> : null}
      </View>
    </Dialog>
  );
}
