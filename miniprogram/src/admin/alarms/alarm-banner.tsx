import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Role } from '@linli/shared';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { alarmPageRoles } from './roles';
import './alarm-banner.css';

/** On the 工作台: how many device alarms wait for someone, one tap from the alarm list. */
export function AlarmBanner({ estateId, roles }: { estateId: string; roles: readonly Role[] }) {
  const allowed = roles.some((role) => (alarmPageRoles.alarms as readonly Role[]).includes(role));
  if (!allowed) return null;
  return <ActiveAlarms estateId={estateId} />;
}

function ActiveAlarms({ estateId }: { estateId: string }) {
  const alarms = useRemote(() => call('iot', 'alarms', { estateId, scope: 'active' }), [estateId]);
  useDidShow(() => alarms.refresh());
  const counts = alarms.status === 'ready' ? alarms.data.counts : null;
  if (!counts || counts.active_unacked + counts.active_acked === 0) return null;
  return (
    <View className="alarm-banner" onClick={() => void Taro.navigateTo({ url: '/admin/alarms/index' })}>
      <Text className="alarm-banner__glyph">⚠</Text>
      <Text className="alarm-banner__text">
        {counts.active_unacked > 0
          ? `${counts.active_unacked} 条设备告警待确认`
          : `${counts.active_acked} 条设备告警处理中`}
      </Text>
      <Text className="alarm-banner__go">查看 ›</Text>
    </View>
  );
}
