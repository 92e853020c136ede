import type { AlarmState, Severity } from '@linli/shared';
import type { Filter } from '../_lib/store/port';

export const ACTIVE_ALARM_STATES: readonly AlarmState[] = ['active_unacked', 'active_acked'];

export interface AlarmQuery {
  scope?: 'active' | 'cleared' | 'all';
  state?: AlarmState;
  deviceId?: string;
  severity?: Severity;
}

/** The alarm list's filter; the 工作台 counts with the same one, so a tile and its list agree. */
export function alarmFilter(estateId: string, query: AlarmQuery): Filter {
  const where: Filter = { estateId };
  if (query.scope === 'active') where.state = { in: [...ACTIVE_ALARM_STATES] };
  if (query.scope === 'cleared') where.state = 'cleared';
  if (query.state) where.state = query.state;
  if (query.deviceId) where.deviceId = query.deviceId;
  if (query.severity) where.severity = query.severity;
  return where;
}
