import { View } from '@tarojs/components';
import { roleLabels, type Role } from '@linli/shared';
import { Tag } from '../nutui';
import './index.css';

const ownerColors = { background: '#f0fdf4', color: '#16a34a' };
const staffColors = { background: '#eff6ff', color: '#2563eb' };
const unboundColors = { background: '#f3f4f6', color: '#6b7280' };

/** Roles as tags; an account with none is an unbound WeChat user. */
export function RoleTags({ roles }: { roles: readonly string[] }) {
  return (
    <View className="role-tags">
      {roles.length === 0 ? <Tag {...unboundColors}>未绑定</Tag> : null}
      {roles.map((role) => (
        <Tag key={role} {...(role === 'owner' ? ownerColors : staffColors)}>
          {roleLabels[role as Role] ?? role}
        </Tag>
      ))}
    </View>
  );
}
