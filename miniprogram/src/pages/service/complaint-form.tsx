import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ComplaintKind } from '@linli/shared';
import { useRef, useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { PhotoPicker } from '../../components/photo-picker';
import { TextArea } from '../../components/text-area';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';

const kinds = [
  { value: 'complaint', label: '投诉' },
  { value: 'suggestion', label: '建议' },
] as const;

/** File a 投诉 or 建议 for the current home; one request id per form, so a double tap files once. */
export function ComplaintForm({ householdId, onFiled }: { householdId: string; onFiled: () => void }) {
  const [kind, setKind] = useState<ComplaintKind>('complaint');
  const [content, setContent] = useState('');
  const [images, setImages] = useState<string[]>([]);
  const requestId = useRef(newRequestId());
  const submit = useAction(async () => {
    await call('service', 'submitComplaint', {
      householdId,
      requestId: requestId.current,
      kind,
      content,
      images,
    });
    requestId.current = newRequestId();
    setContent('');
    setImages([]);
    void Taro.showToast({ title: '已提交，请留意处理结果', icon: 'none' });
    onFiled();
  });
  const fields = submit.failure?.fields ?? {};
  return (
    <View className="service-card">
      <FormField label="类型">
        <ChoiceChips options={kinds} value={kind} onChange={setKind} />
      </FormField>
      <FormField label="内容" error={fields.content}>
        <TextArea
          value={content}
          onChange={setContent}
          maxLength={1000}
          placeholder={kind === 'complaint' ? '请说明时间、地点和具体情况' : '您希望物业在哪些方面做得更好？'}
        />
      </FormField>
      <FormField label="图片（可选）" error={fields.images}>
        <PhotoPicker photos={images} onChange={setImages} max={6} folder="complaints" />
      </FormField>
      {submit.failure && Object.keys(fields).length === 0 ? (
        <Text className="service-card__failure">{submit.failure.message}</Text>
      ) : null}
      <Button block type="primary" disabled={submit.pending} onClick={() => void submit.run()}>
        {submit.pending ? '提交中…' : '提交'}
      </Button>
    </View>
  );
}

function newRequestId(): string {
  return `cmp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
