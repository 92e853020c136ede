import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { useAction } from '../../hooks/use-action';
import { ChoiceChips } from '../choice-chips';
import { Button } from '../nutui';
import { TextArea } from '../text-area';
import './index.css';

interface ReasonFormProps {
  title: string;
  /** Common reasons as chips; a tap fills the text, which can still be edited. */
  suggestions: readonly string[];
  placeholder: string;
  submitLabel: string;
  danger?: boolean;
  /** Anything else the form asks for, above the reason. */
  children?: ReactNode;
  /** Optional reasons (a comment) may be left empty. */
  optional?: boolean;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** An inline card that asks why before an action (cancel, reopen, reject, pause). */
export function ReasonForm(props: ReasonFormProps) {
  const { title, suggestions, placeholder, submitLabel, danger = false, optional = false } = props;
  const [reason, setReason] = useState('');
  const submit = useAction(props.onSubmit);

  const confirm = () => {
    const text = reason.trim();
    if (!optional && text.length < 2) {
      submit.setFailure({ code: 'VALIDATION', message: '请填写原因（至少 2 个字）', fields: {} });
      return;
    }
    void submit.run(text);
  };

  return (
    <View className="reason-form">
      <Text className="reason-form__title">{title}</Text>
      {props.children}
      {suggestions.length ? (
        <ChoiceChips
          options={suggestions.map((s) => ({ value: s, label: s }))}
          value={reason}
          onChange={setReason}
        />
      ) : null}
      <TextArea value={reason} onChange={setReason} placeholder={placeholder} maxLength={200} />
      {submit.failure ? <Text className="reason-form__error">{submit.failure.message}</Text> : null}
      <View className="reason-form__buttons">
        <Button size="small" fill="outline" onClick={props.onClose}>
          返回
        </Button>
        <Button size="small" type={danger ? 'danger' : 'primary'} disabled={submit.pending} onClick={confirm}>
          {submit.pending ? '提交中…' : submitLabel}
        </Button>
      </View>
    </View>
  );
}
