import type { BindingView } from '@linli/shared';
import { Tag } from '../nutui';

const colors: Record<BindingView['status'], { background: string; color: string }> = {
  pending: { background: '#fffbeb', color: '#d97706' },
  approved: { background: '#f0fdf4', color: '#16a34a' },
  rejected: { background: '#fef2f2', color: '#dc2626' },
  revoked: { background: '#f3f4f6', color: '#6b7280' },
};

/** 待审核 / 已绑定 / 已驳回 / 已解绑, each in its own colour. */
export function BindingStatusTag({ status, label }: { status: BindingView['status']; label: string }) {
  return <Tag {...colors[status]}>{label}</Tag>;
}
