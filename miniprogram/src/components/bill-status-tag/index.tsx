import type { BillStatus } from '@linli/shared';
import { Tag } from '../nutui';

const colors: Record<BillStatus, { background: string; color: string }> = {
  unpaid: { background: '#fffbeb', color: '#d97706' },
  partial: { background: '#eff6ff', color: '#2563eb' },
  paid: { background: '#f0fdf4', color: '#16a34a' },
  waived: { background: '#f0fdf4', color: '#16a34a' },
  void: { background: '#f3f4f6', color: '#6b7280' },
};

const overdue = { background: '#fef2f2', color: '#dc2626' };

/** 待缴 / 已缴清 / 已作废 …; an open bill past its due date shows 逾期 N 天 in red instead. */
export function BillStatusTag({
  status,
  label,
  overdueDays = 0,
}: {
  status: BillStatus;
  label: string;
  overdueDays?: number;
}) {
  if (overdueDays > 0) return <Tag {...overdue}>逾期 {overdueDays} 天</Tag>;
  return <Tag {...colors[status]}>{label}</Tag>;
}
