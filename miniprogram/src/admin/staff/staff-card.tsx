import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaffView } from '@linli/shared';
import { Button, Tag } from '../../components/nutui';
import { call, messageOf } from '../../services/api';
import { describeShifts } from './shifts';

const statusTags: Record<StaffView['status'], { label: string; background: string; color: string }> = {
  joined: { label: '已开通', background: '#f0fdf4', color: '#16a34a' },
  invited: { label: '待加入', background: '#fffbeb', color: '#d97706' },
  inactive: { label: '已停用', background: '#f3f4f6', color: '#6b7280' },
};

interface StaffCardProps {
  member: StaffView;
  estateId: string;
  canEdit: boolean;
  onChanged: () => void;
}

export function StaffCard({ member, estateId, canEdit, onChanged }: StaffCardProps) {
  const { label, ...colors } = statusTags[member.status];
  return (
    <View className={member.status === 'inactive' ? 'staff-card staff-card--inactive' : 'staff-card'}>
      <View className="staff-card__head">
        <Text className="staff-card__name">{member.name}</Text>
        <Tag {...colors}>{label}</Tag>
        <Text className="staff-card__level">等级 {member.level}</Text>
      </View>
      <View className="staff-card__tags">
        {member.roleLabels.map((role) => (
          <Tag key={role} background="#eff6ff" color="#2563eb">
            {role}
          </Tag>
        ))}
        {member.skillLabels.map((skill) => (
          <Tag key={skill} background="#fef3c7" color="#b45309">
            {skill}
          </Tag>
        ))}
      </View>
      <Text className="staff-card__line">手机 {member.phone}</Text>
      <Text className="staff-card__line">排班 {describeShifts(member.shifts)}</Text>
      {member.inviteCode ? (
        <Text className="staff-card__line staff-card__invite">
          加入码 {member.inviteCode}（交给本人在「我的 → 员工加入」输入）
        </Text>
      ) : null}
      {canEdit && member.status !== 'inactive' ? (
        <View className="staff-card__actions">
          <Button
            size="small"
            fill="outline"
            type="danger"
            onClick={() => void deactivate(member, onChanged)}
          >
            停用
          </Button>
          <Button
            size="small"
            fill="outline"
            type="primary"
            onClick={() =>
              void Taro.navigateTo({
                url: `/admin/staff-edit/index?estateId=${estateId}&staffId=${member.staffId}`,
              })
            }
          >
            编辑
          </Button>
        </View>
      ) : null}
    </View>
  );
}

async function deactivate(member: StaffView, onChanged: () => void): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '停用员工',
    content: `停用后 ${member.name} 将不能再使用工作台，也不会再被派单；历史记录保留。确定停用吗？`,
    confirmText: '停用',
    confirmColor: '#dc2626',
    cancelText: '取消',
  });
  if (!confirm) return;
  try {
    await call('staff', 'deactivate', { staffId: member.staffId });
    void Taro.showToast({ title: `已停用 ${member.name}`, icon: 'none' });
    onChanged();
  } catch (error) {
    void Taro.showModal({ title: '停用失败', content: messageOf(error), showCancel: false });
  }
}
