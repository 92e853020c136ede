import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  formatDateTime,
  MessageStatus,
  messageStatusLabels,
  type NoticeStaffView,
  type NoticeStatsView,
  type ReadRate,
} from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { StatGrid, StatTile } from '../../components/stat-tile';
import { useAction } from '../../hooks/use-action';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { UnreadHouseholds } from './unread-households';
import '../notices/index.css';
import './index.css';

/** Who has read a notice: by household and building, who nobody read it in, and a reminder. */
export default function NoticeStats() {
  const noticeId = decodeURIComponent(Taro.getCurrentInstance().router?.params.id ?? '');
  return (
    <StaffPage allow={staffPageRoles.notices} pickEstate={false}>
      {() =>
        noticeId ? (
          <Stats noticeId={noticeId} />
        ) : (
          <EmptyState title="未指定通知" description="请从通知列表打开。" glyph="?" />
        )
      }
    </StaffPage>
  );
}

function Stats({ noticeId }: { noticeId: string }) {
  const both = useRemote(
    () => Promise.all([call('notice', 'detail', { noticeId }), call('notice', 'stats', { noticeId })]),
    [noticeId],
  );
  useRefreshOnReturn(both.refresh);
  return (
    <RemoteView remote={both}>
      {([notice, stats]) => <Figures notice={notice} stats={stats} onChanged={both.refresh} />}
    </RemoteView>
  );
}

function Figures({
  notice,
  stats,
  onChanged,
}: {
  notice: NoticeStaffView;
  stats: NoticeStatsView;
  onChanged: () => void;
}) {
  const remind = useAction(async () => {
    const confirmed = await Taro.showModal({
      title: '一键提醒',
      content: `向 ${stats.households.total - stats.households.read} 户未读住户发送提醒；没有订阅额度的住户会列入电话名单。`,
      confirmText: '提醒',
    });
    if (!confirmed.confirm) return;
    await call('notice', 'remind', { noticeId, requestId: `remind-${Date.now().toString(36)}` });
    onChanged();
  });
  const noticeId = notice.noticeId;
  const unread = stats.households.total - stats.households.read;
  const latest = stats.reminders[stats.reminders.length - 1];
  const sentCounts = MessageStatus.options.filter((status) => stats.messages[status] > 0);

  return (
    <>
      <View className="stats-head">
        <Text className="stats-head__title">{stats.title}</Text>
        <Text className="stats-head__meta">
          {notice.targetLabel} ·{' '}
          {stats.publishedAt ? `发布于 ${formatDateTime(stats.publishedAt)}` : notice.statusLabel}
        </Text>
      </View>
      <StatGrid>
        <StatTile label="住户阅读率" value={stats.households.percent} unit="%" />
        <StatTile label="已读住户" value={`${stats.households.read}/${stats.households.total}`} />
        <StatTile label="已读账号" value={`${stats.accounts.read}/${stats.accounts.total}`} />
      </StatGrid>

      <View className="stats-card">
        <Text className="stats-card__title">按楼栋</Text>
        {stats.byBuilding.map((building) => (
          <RateRow key={building.buildingId} label={building.buildingName} rate={building} />
        ))}
      </View>

      <View className="stats-card">
        <Text className="stats-card__title">订阅消息</Text>
        <Text className="stats-card__line">
          {sentCounts.length
            ? sentCounts
                .map((status) => `${messageStatusLabels[status]} ${stats.messages[status]}`)
                .join(' · ')
            : '暂无消息'}
        </Text>
        {stats.fanout && stats.fanout.state !== 'done' ? (
          <Text className="stats-card__line">正在送达：已处理 {stats.fanout.households} 户</Text>
        ) : null}
      </View>

      <View className="stats-card">
        <Text className="stats-card__title">一键提醒</Text>
        {latest ? (
          <Text className="stats-card__line">
            第 {latest.round} 轮（{latest.requestedByName}，{formatDateTime(latest.requestedAt)}）：
            {latest.state === 'done'
              ? `已提醒 ${latest.households} 户，发出 ${latest.messages} 条消息`
              : `发送中，已处理 ${latest.households} 户`}
          </Text>
        ) : (
          <Text className="stats-card__line">尚未提醒</Text>
        )}
        {remind.failure ? <MessageBlock tone="error">{remind.failure.message}</MessageBlock> : null}
        {notice.status === 'published' ? (
          <View className="stats-card__actions">
            <Button size="small" fill="outline" onClick={onChanged}>
              刷新
            </Button>
            <Button
              size="small"
              type="primary"
              disabled={unread === 0 || remind.pending}
              onClick={() => void remind.run()}
            >
              {unread === 0 ? '全部已读' : `提醒 ${unread} 户未读`}
            </Button>
          </View>
        ) : null}
      </View>

      <UnreadHouseholds
        noticeId={noticeId}
        unread={unread}
        reminded={stats.reminders.length > 0}
        delivering={stats.fanout !== null && stats.fanout.state !== 'done'}
      />
    </>
  );
}

function RateRow({ label, rate }: { label: string; rate: ReadRate }) {
  return (
    <View className="rate-row">
      <Text className="rate-row__label">{label}</Text>
      <View className="rate-bar">
        <View className="rate-bar__fill" style={{ width: `${Math.min(100, rate.percent)}%` }} />
      </View>
      <Text className="rate-row__value">
        {rate.read}/{rate.total} · {rate.percent}%
      </Text>
    </View>
  );
}
