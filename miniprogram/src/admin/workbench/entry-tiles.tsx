import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaffRole } from '@linli/shared';
import { staffPageRoles } from '../components/staff-page';

interface Entry {
  url: string;
  glyph: string;
  roles: readonly StaffRole[];
  /** Title and hint may depend on what the person can do there. */
  text: (has: (role: StaffRole) => boolean) => { title: string; hint: string };
}

const entries: Entry[] = [
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
