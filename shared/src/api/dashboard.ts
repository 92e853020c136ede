import { z } from 'zod';
import type { Rate } from '../billing/collection-stats';
import type { DashboardArrears, DashboardCollection, DashboardWorkOrders } from '../dashboard/overview';
import { Id } from '../schemas/property';
import { contract } from './contract';

export interface DashboardNotice {
  noticeId: string;
  title: string;
  publishedAt: number;
  /** Households where someone has read it, of the households it is for. */
  readRate: Rate;
}

export interface DashboardView {
  estateId: string;
  estateName: string;
  asOf: string;
  generatedAt: number;
  collection: DashboardCollection;
  arrears: DashboardArrears;
  workOrders: DashboardWorkOrders;
  notices: DashboardNotice[];
}

/** `dashboard`: 工作台 figures of one estate, each matching the list it drills down to. */
export const dashboardApi = {
  overview: contract<DashboardView>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: ['admin', 'finance', 'service'] },
    summary: '工作台概览：本月收缴率与目标、欠费账龄、工单与超时风险、通知阅读率',
  }),
  saveTarget: contract<{ estateId: string; targetPercent: number }>()({
    input: z
      .object({
        estateId: Id,
        targetPercent: z.number().int().min(1, '目标至少 1%').max(100, '目标最多 100%'),
      })
      .strict(),
    access: { roles: ['admin'] },
    summary: '设置小区本月收缴率目标（按金额）',
  }),
};
