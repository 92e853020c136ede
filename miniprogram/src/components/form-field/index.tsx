import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface FormFieldProps {
  label: string;
  /** Shown under the control until there is an error. */
  hint?: string;
  /** The field's own error (from our check or the server's `issues`); replaces the hint. */
  error?: string;
  children: ReactNode;
}

/** One labelled control of a form, with its hint or its error right below it. */
export function FormField({ label, hint, error, children }: FormFieldProps) {
  return (
    <View className={error ? 'form-field form-field--error' : 'form-field'}>
      <Text className="form-field__label">{label}</Text>
      <View className="form-field__control">{children}</View>
      {error ? (
        <Text className="form-field__error">{error}</Text>
      ) : hint ? (
        <Text className="form-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}

/** Fields on a white card. */
export function FormCard({ children }: { children: ReactNode }) {
  return <View className="form-card">{children}</View>;
}
