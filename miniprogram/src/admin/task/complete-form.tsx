import { Text, View } from '@tarojs/components';
import { MAX_PHOTOS, type PartUsed, type WorkOrderDetail } from '@linli/shared';
import { useState } from 'react';
import { FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { PhotoPicker } from '../../components/photo-picker';
import { TextArea } from '../../components/text-area';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';

interface PartRow {
  name: string;
  quantity: string;
}

interface CompleteFormProps {
  order: WorkOrderDetail;
  draft: { cause: string; fix: string } | null;
  onClose: () => void;
  onCompleted: (order: WorkOrderDetail) => void;
}

/** 完工单: the cause, what was done, parts replaced and photos; it also feeds the knowledge base. */
export function CompleteForm({ order, draft, onClose, onCompleted }: CompleteFormProps) {
  const [cause, setCause] = useState(draft?.cause ?? '');
  const [actionsTaken, setActionsTaken] = useState(draft?.fix ?? '');
  const [parts, setParts] = useState<PartRow[]>([]);
  const [photos, setPhotos] = useState<string[]>([]);
  const submit = useAction((input: { parts: PartUsed[] }) =>
    call('workorder', 'complete', {
      orderId: order.orderId,
      cause: cause.trim(),
      actionsTaken: actionsTaken.trim(),
      parts: input.parts,
      photos,
    }),
  );
  const errors = submit.failure?.fields ?? {};

  const setPart = (index: number, patch: Partial<PartRow>) =>
    setParts((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const onSubmit = async () => {
    const fields: Record<string, string> = {};
    if (cause.trim().length < 2) fields.cause = '请填写故障原因';
    if (actionsTaken.trim().length < 2) fields.actionsTaken = '请填写处理措施';
    const used = parts.filter((row) => row.name.trim());
    if (used.some((row) => !/^[1-9]\d{0,2}$/.test(row.quantity.trim())))
      fields.parts = '配件数量为 1–999 的整数';
    if (Object.keys(fields).length) {
      submit.setFailure({ code: 'VALIDATION', message: '请按标红的提示修改后再提交', fields });
      return;
    }
    const changed = await submit.run({
      parts: used.map((row) => ({ name: row.name.trim(), quantity: Number(row.quantity) })),
    });
    if (changed) onCompleted(changed);
  };

  return (
    <View className="task__complete">
      <Text className="reason-form__title">填写完工单</Text>
      <FormField label="故障原因" error={errors.cause}>
        <TextArea value={cause} onChange={setCause} placeholder="例如：下水管接头老化开裂" maxLength={200} />
      </FormField>
      <FormField label="处理措施" error={errors.actionsTaken}>
        <TextArea
          value={actionsTaken}
          onChange={setActionsTaken}
          placeholder="例如：更换接头并做通水测试，无渗漏"
          maxLength={500}
        />
      </FormField>
      <FormField label="更换配件（选填）" error={errors.parts}>
        {parts.map((row, index) => (
          <View key={index} className="task__part">
            <View className="task__part-name">
              <TextInput
                placeholder="配件名称"
                value={row.name}
                maxLength={30}
                onChange={(name) => setPart(index, { name })}
              />
            </View>
            <View className="task__part-quantity">
              <TextInput
                type="number"
                placeholder="数量"
                value={row.quantity}
                maxLength={3}
                onChange={(quantity) => setPart(index, { quantity })}
              />
            </View>
            <Text
              className="task__part-remove"
              onClick={() => setParts((rows) => rows.filter((_, i) => i !== index))}
            >
              删除
            </Text>
          </View>
        ))}
        {parts.length < 30 ? (
          <Button
            size="small"
            fill="outline"
            onClick={() => setParts((rows) => [...rows, { name: '', quantity: '1' }])}
          >
            添加配件
          </Button>
        ) : null}
      </FormField>
      <FormField label="完工照片（选填）" error={errors.photos}>
        <PhotoPicker photos={photos} onChange={setPhotos} max={MAX_PHOTOS} folder="repairs/completion" />
      </FormField>
      {submit.failure ? <Text className="reason-form__error">{submit.failure.message}</Text> : null}
      <View className="reason-form__buttons">
        <Button size="small" fill="outline" onClick={onClose}>
          返回
        </Button>
        <Button size="small" type="primary" disabled={submit.pending} onClick={() => void onSubmit()}>
          {submit.pending ? '提交中…' : '提交完工'}
        </Button>
      </View>
    </View>
  );
}
