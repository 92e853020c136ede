import { ASSIGNED_STATES, POOL_STATES, type WorkOrderState } from './states';

/** The groups of states the service desk works in: the tabs of its order list and the 工作台 tile. */
export const deskStateGroups = {
  waiting: POOL_STATES,
  working: ASSIGNED_STATES,
  review: ['completed'],
  done: ['closed', 'cancelled'],
} as const satisfies Record<string, readonly WorkOrderState[]>;
export type DeskStateGroup = keyof typeof deskStateGroups;

export const deskStateGroupLabels: Record<DeskStateGroup, string> = {
  waiting: '待派单',
  working: '处理中',
  review: '待验收',
  done: '已结束',
};

/** Groups still on the desk's plate (everything but closed and cancelled). */
export const OPEN_DESK_GROUPS = ['waiting', 'working', 'review'] as const satisfies readonly DeskStateGroup[];

/** Every state of the open groups: the desk list's 未完成 tab and the 工作台's open count. */
export const OPEN_DESK_STATES: readonly WorkOrderState[] = OPEN_DESK_GROUPS.flatMap((group) => [
  ...deskStateGroups[group],
]);
