import { z } from 'zod';
import type { Rate } from '../billing/collection-stats';
import type {
  DashboardAlarms,
  DashboardArrears,
  DashboardCollection,
  DashboardServiceDesk,
  DashboardSurvey,
  DashboardWorkOrders,
} from '../dashboard/overview';
import type { Fen } from '../money/money';
import { Id } from '../schemas/property';
import { billingApi } from './billing';
import { contract, type Access } from './contract';
import { iotApi } from './iot';
import { noticeApi } from './notice';
import { serviceApi } from './service';
import { surveyApi } from './survey';
import { workorderApi } from './workorder';

export interface DashboardNotice {
  noticeId: string;
  title: string;
  publishedAt: number;
  /** Households where someone has read it, of the households it is for. */
  readRate: Rate;
}

/**
 * Each tile and the list it drills down to: a tile is filled only for a caller who may open
 * that list (null otherwise), so the 工作台 never shows what its owner cannot follow up.
 */
export const dashboardTileAccess = {
  collection: billingApi['stats.collection'].access,
  arrears: billingApi['stats.aging'].access,
  workOrders: workorderApi.list.access,
  alarms: iotApi.alarms.access,
  serviceDesk: serviceApi.inbox.access,
  notices: noticeApi.stats.access,
  survey: surveyApi.results.access,
} satisfies Record<string, Access>;
export type DashboardTile = keyof typeof dashboardTileAccess;

export interface DashboardView {
  estateId: string;
  estateName: string;
  asOf: string;
  generatedAt: number;
  collection: DashboardCollection | null;
  arrears: DashboardArrears | null;
  workOrders: DashboardWorkOrders | null;
  alarms: DashboardAlarms | null;
  serviceDesk: DashboardServiceDesk | null;
  notices: DashboardNotice[] | null;
  /** null also when the estate has no published general survey yet. */
  survey: DashboardSurvey | null;
}

/** One estate's row of the company view; a figure the caller may not open is null. */
export interface CompanyEstateRow {
  estateId: string;
  estateName: string;
  collection: { period: string; receivableFen: Fen; paidFen: Fen; rateByAmount: Rate } | null;
  arrears: { outstandingFen: Fen; households: number } | null;
  openOrders: number | null;
  activeAlarms: number | null;
}

export interface CompanyView {
  /** The caller serves every estate of the company (全公司); otherwise the estates they serve. */
  companyWide: boolean;
  asOf: string;
  generatedAt: number;
  totals: Omit<CompanyEstateRow, 'estateId' | 'estateName' | 'collection'> & {
    collection: { receivableFen: Fen; paidFen: Fen; rateByAmount: Rate } | null;
  };
  estates: CompanyEstateRow[];
}

const viewers = ['admin', 'finance', 'service'] as const;

/** `dashboard`: 工作台 figures of one estate or of the company, each matching the list it drills down to. */
export const dashboardApi = {
  overview: contract<DashboardView>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: viewers },
    summary: '工作台概览：收缴率与目标、欠费账龄、工单与超时风险、设备告警、客服待办、通知阅读率、满意度',
  }),
  company: contract<CompanyView>()({
    input: z.object({}).strict(),
    access: { roles: viewers },
    summary: '公司总览：所负责各小区的收缴率、欠费、未完成工单、告警，及合计',
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
