import { priorityRank, type Priority } from './priority';

/** What a queue sorts by: the order's priority and its nearest deadline. */
export interface UrgencySubject {
  priority: Priority;
  slaDueAt: number | null;
  createdAt: number;
}

/**
 * A technician's queue and the pool, most urgent first: priority, then the nearest deadline
 * (orders with no running clock last), then the oldest report.
 */
export function compareUrgency(a: UrgencySubject, b: UrgencySubject): number {
  return (
    priorityRank[a.priority] - priorityRank[b.priority] ||
    (a.slaDueAt ?? Infinity) - (b.slaDueAt ?? Infinity) ||
    a.createdAt - b.createdAt
  );
}
