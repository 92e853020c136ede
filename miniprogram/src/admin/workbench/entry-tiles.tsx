import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaffRole } from '@linli/shared';
import { staffPageRoles } from '../components/staff-page';
import { surveyPageRoles } from '../surveys/roles';
import { workOrderPageRoles } from '../workorders/roles';
import { alarmPageRoles } from '../alarms/roles';
import { facilityPageRoles } from '../devices/roles';

interface Entry {
  url: string;
  glyph: string;
  roles: readonly StaffRole[];
  /** Title and hint may depend on what the person can do there. */
  text: (has: (role: StaffRole) => boolean) => { title: string; hint: string };
}

const entries: Entry[] = [
  {
    url: '/admin/tasks/index',
    glyph: '⚒',
    roles: workOrderPageRoles.tasks,
    text: () => ({ title: '我的工单', hint: '接单 · 抢单 · 完工' }),
  },
  {
    url: '/admin/workorders/index',
    glyph: '☎',
    roles: workOrderPageRoles.desk,
    text: () => ({ title: '报修工单', hint: '派单 · 时限 · 代报修' }),
  },
  {
    url: '/admin/repair-prices/index',
    glyph: '¥',
    roles: workOrderPageRoles.desk,
    text: () => ({ title: '维修收费标准', hint: '人工 · 配件 · 保修期' }),
  },
  {
    url: '/admin/alarms/index',
    glyph: '⚠',
    roles: alarmPageRoles.alarms,
    text: () => ({ title: '设备告警', hint: '确认 · 处理 · 规则' }),
  },
  {
    url: '/admin/devices/index',
    glyph: '⚙',
    roles: facilityPageRoles.devices,
    text: () => ({ title: '设备台账', hint: '设备 · 标签 · 寿命' }),
  },
  {
    url: '/admin/plans/index',
    glyph: '↻',
    roles: facilityPageRoles.plans,
    text: (has) =>
      has('admin')
        ? { title: '巡检保养', hint: '计划 · 巡检 · 逾期' }
        : { title: '巡检保养', hint: '待办巡检 · 检查表' },
  },
  {
    url: '/admin/bindings/index',
    glyph: '✓',
    roles: staffPageRoles.bindings,
    text: () => ({ title: '绑定审核', hint: '业主绑定申请' }),
  },
  {
    url: '/admin/households/index',
    glyph: '⌂',
    roles: staffPageRoles.households,
    text: () => ({ title: '房屋住户', hint: '查找 · 楼栋浏览' }),
  },
  {
    url: '/admin/staff/index',
    glyph: '☺',
    roles: staffPageRoles.staff,
    text: (has) =>
      has('admin') ? { title: '员工管理', hint: '岗位 · 排班' } : { title: '员工名录', hint: '岗位与排班' },
  },
  {
    url: '/admin/import/index',
    glyph: '⇅',
    roles: staffPageRoles.sheets,
    text: (has) =>
      has('admin')
        ? { title: '导入导出', hint: '模板 · 批量导入' }
        : { title: '导出房屋', hint: '房屋与业主表' },
  },
  {
    url: '/admin/fee-standards/index',
    glyph: '¥',
    roles: staffPageRoles.billing,
    text: () => ({ title: '收费标准', hint: '单价 · 版本' }),
  },
  {
    url: '/admin/readings/index',
    glyph: '◔',
    roles: staffPageRoles.readings,
    text: () => ({ title: '抄表', hint: '录入 · 复核' }),
  },
  {
    url: '/admin/bill-run/index',
    glyph: '▤',
    roles: staffPageRoles.billing,
    text: () => ({ title: '出账', hint: '预览 · 生成账单' }),
  },
  {
    url: '/admin/bills/index',
    glyph: '≡',
    roles: staffPageRoles.bills,
    text: () => ({ title: '账单管理', hint: '查询 · 减免 · 作废' }),
  },
  {
    url: '/admin/collection/index',
    glyph: '%',
    roles: staffPageRoles.billing,
    text: () => ({ title: '收缴统计', hint: '收缴率 · 账龄 · 导出' }),
  },
  {
    url: '/admin/dunning/index',
    glyph: '☏',
    roles: staffPageRoles.bills,
    text: () => ({ title: '催缴', hint: '电话清单 · 提醒' }),
  },
  {
    url: '/admin/payments/index',
    glyph: '￥',
    roles: staffPageRoles.billing,
    text: () => ({ title: '收款记录', hint: '微信支付 · 退款' }),
  },
  {
    url: '/admin/offline-payment/index',
    glyph: '⎙',
    roles: staffPageRoles.billing,
    text: () => ({ title: '线下收款', hint: '现金 · 刷卡 · 转账' }),
  },
  {
    url: '/admin/reconcile/index',
    glyph: '⇌',
    roles: staffPageRoles.billing,
    text: () => ({ title: '对账', hint: '微信支付交易账单' }),
  },
  {
    url: '/admin/notices/index',
    glyph: '✉',
    roles: staffPageRoles.notices,
    text: () => ({ title: '通知公告', hint: '发布 · 阅读率' }),
  },
  {
    url: '/admin/surveys/index',
    glyph: '☑',
    roles: surveyPageRoles,
    text: () => ({ title: '满意度调查', hint: '问卷 · 结果分析' }),
  },
  {
    url: '/admin/inbox/index',
    glyph: '☎',
    roles: staffPageRoles.serviceDesk,
    text: () => ({ title: '客服消息', hint: '业主咨询 · 认领' }),
  },
  {
    url: '/admin/complaints/index',
    glyph: '!',
    roles: staffPageRoles.serviceDesk,
    text: () => ({ title: '投诉建议', hint: '受理 · 回复' }),
  },
];

/** The staff pages this person's roles open, as tiles. */
export function EntryTiles({ roles }: { roles: readonly string[] }) {
  const has = (role: StaffRole) => roles.includes(role);
  const shown = entries.filter((entry) => entry.roles.some(has));
  if (shown.length === 0) return null;
  return (
    <>
      <Text className="section-title entry-tiles__title">常用功能</Text>
      <View className="entry-tiles">
        {shown.map((entry) => {
          const { title, hint } = entry.text(has);
          return (
            <View
              key={entry.url}
              className="entry-tile"
              onClick={() => void Taro.navigateTo({ url: entry.url })}
            >
              <Text className="entry-tile__glyph">{entry.glyph}</Text>
              <Text className="entry-tile__title">{title}</Text>
              <Text className="entry-tile__hint">{hint}</Text>
            </View>
          );
        })}
      </View>
    </>
  );
}
