import type { Priority, SlaView, WorkOrderState } from '@linli/shared';
import { Tag } from '../nutui';

type Colors = { background: string; color: string };

const waiting: Colors = { background: '#fffbeb', color: '#d97706' };
const working: Colors = { background: '#eff6ff', color: '#2563eb' };
const done: Colors = { background: '#f0fdf4', color: '#16a34a' };
const ended: Colors = { background: '#f3f4f6', color: '#6b7280' };

const stateColors: Record<WorkOrderState, Colors> = {
  submitted: waiting,
  rejected: waiting,
  reopened: waiting,
  assigned: working,
  accepted: working,
  en_route: working,
  in_progress: working,
  paused: waiting,
  quoted: waiting,
  completed: done,
  closed: ended,
  cancelled: ended,
};

const priorityColors: Record<Priority, Colors> = {
  urgent: { background: '#fef2f2', color: '#dc2626' },
  high: { background: '#fff7ed', color: '#ea580c' },
  normal: ended,
  low: ended,
};

/** 待派单 / 维修中 / 待验收 …, coloured by what the order waits for. */
export function StateTag({ state, label }: { state: WorkOrderState; label: string }) {
  return <Tag {...stateColors[state]}>{label}</Tag>;
}

/** 紧急 / 较急 stand out; 一般 and 不急 stay quiet. */
export function PriorityTag({ priority, label }: { priority: Priority; label: string }) {
  return <Tag {...priorityColors[priority]}>{label}</Tag>;
}

/** Only an order about to miss, or past, a deadline gets a badge: 完工即将超时 / 响应已超时. */
export function SlaBadge({ sla }: { sla: SlaView | null }) {
  if (!sla || sla.status === 'on_track') return null;
  const colors = sla.status === 'breached' ? priorityColors.urgent : waiting;
  return (
    <Tag {...colors}>
      {sla.clockLabel ?? ''}
      {sla.statusLabel}
    </Tag>
  );
}
