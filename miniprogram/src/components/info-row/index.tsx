import { Text } from '@tarojs/components';
import { Cell } from '../nutui';
import './index.css';

/** One labelled fact. Missing values say so instead of leaving a blank. */
export function InfoRow({ label, value }: { label: string; value: string | number | null | undefined }) {
  const shown = value === null || value === undefined || value === '' ? '未登记' : String(value);
  return <Cell title={label} extra={<Text className="info-row__value">{shown}</Text>} />;
}
