import { View } from '@tarojs/components';
import { roleLabels, type Role } from '@linli/shared';
import { Tag } from '../nutui';
import './index.css';

/** Roles as tags; an account with none is an unbound WeChat user. */
export function RoleTags({ roles }: { roles: readonly string[] }) {
  if (roles.length === 0) {
    return (
      <View className="role-tags">
        <Tag plain>未绑定</Tag>
      </View>
    );
  }
  return (
    <View className="role-tags">
      {roles.map((role) => (
        <Tag key={role} type={role === 'owner' ? 'success' : 'primary'} plain>
          {roleLabels[role as Role] ?? role}
        </Tag>
      ))}
    </View>
  );
}
