import { z } from 'zod';

/**
 * How new orders of an estate find a technician: scored automatically (智能派单), left in the
 * pool for technicians to grab (抢单), or left for the service desk (人工派单).
 */
export const DispatchMode = z.enum(['auto', 'pool', 'manual']);
export type DispatchMode = z.infer<typeof DispatchMode>;
export const dispatchModeLabels: Record<DispatchMode, string> = {
  auto: '智能派单',
  pool: '师傅抢单',
  manual: '客服人工派单',
};

/** A completed order the owner neither confirms nor reopens closes itself after this many days. */
export const DEFAULT_AUTO_CLOSE_DAYS = 7;

export interface WorkOrderSettings {
  dispatchMode: DispatchMode;
  autoCloseDays: number;
}

export const defaultWorkOrderSettings: WorkOrderSettings = {
  dispatchMode: 'auto',
  autoCloseDays: DEFAULT_AUTO_CLOSE_DAYS,
};
