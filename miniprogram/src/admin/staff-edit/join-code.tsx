import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaffView } from '@linli/shared';
import { goBack } from '../../components/back-row';
import { Button } from '../../components/nutui';

/** A new staff member exists, unlinked: the code links their WeChat to it (我的 → 员工加入). */
export function JoinCode({ member }: { member: StaffView }) {
  const code = member.inviteCode ?? '';
  const copy = () =>
    void Taro.setClipboardData({ data: code }).then(
      () => Taro.showToast({ title: '加入码已复制', icon: 'none' }),
      () => Taro.showToast({ title: '复制失败，请手动抄写加入码', icon: 'none' }),
    );
  return (
    <View className="join-code">
      <Text className="join-code__title">已新增员工 {member.name}</Text>
      <Text className="join-code__label">请把加入码交给本人</Text>
      <Text className="join-code__code">{code}</Text>
      <Text className="join-code__help">
        {member.name} 在「邻里」小程序打开「我的 → 员工加入」，输入加入码即可开通
        {member.roleLabels.join('、')}权限。加入码只能使用一次。
      </Text>
      <View className="join-code__buttons">
        <Button type="primary" size="small" onClick={copy}>
          复制加入码
        </Button>
        <Button size="small" fill="outline" onClick={() => goBack('/admin/staff/index')}>
          返回员工列表
        </Button>
      </View>
    </View>
  );
}
