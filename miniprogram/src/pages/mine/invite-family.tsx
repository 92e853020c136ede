import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  formatDateTime,
  relationLabels,
  type BoundHousehold,
  type InvitationView,
  type Relation,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { MessageBlock } from '../../components/message-block';
import { Button, Cell } from '../../components/nutui';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';

type FamilyRelation = Exclude<Relation, 'owner'>;
const familyRelations = (Object.keys(relationLabels) as Relation[])
  .filter((r): r is FamilyRelation => r !== 'owner')
  .map((value) => ({ value, label: relationLabels[value] }));

/** 邀请家人: pick how they are related, get a one-time code they bind with (no review needed). */
export function InviteFamily({ household }: { household: BoundHousehold }) {
  const [open, setOpen] = useState(false);
  const [relation, setRelation] = useState<FamilyRelation>('spouse');
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const invite = useAction(() =>
    call('binding', 'inviteFamily', { householdId: household.householdId, relation }),
  );

  const onInvite = async () => {
    const issued = await invite.run();
    if (issued) setInvitation(issued);
  };

  return (
    <>
      <Cell
        title="邀请家人"
        description="家人凭邀请码直接绑定"
        extra={open ? '收起' : '›'}
        clickable
        onClick={() => setOpen(!open)}
      />
      {open ? (
        <View className="invite">
          {invitation ? (
            <InvitationCard invitation={invitation} onAnother={() => setInvitation(null)} />
          ) : (
            <>
              <Text className="invite__label">家人与业主的关系</Text>
              <ChoiceChips options={familyRelations} value={relation} onChange={setRelation} />
              {invite.failure ? (
                <MessageBlock tone="error" title="生成失败">
                  <Text>{invite.failure.message}</Text>
                </MessageBlock>
              ) : null}
              <View className="invite__action">
                <Button type="primary" block disabled={invite.pending} onClick={() => void onInvite()}>
                  {invite.pending ? '正在生成…' : '生成邀请码'}
                </Button>
              </View>
            </>
          )}
        </View>
      ) : null}
    </>
  );
}

function InvitationCard({ invitation, onAnother }: { invitation: InvitationView; onAnother: () => void }) {
  const copy = () =>
    void Taro.setClipboardData({ data: invitation.code }).then(
      () => Taro.showToast({ title: '邀请码已复制', icon: 'none' }),
      () => Taro.showToast({ title: '复制失败，请手动抄写邀请码', icon: 'none' }),
    );
  return (
    <View className="invite__card">
      <Text className="invite__code">{invitation.code}</Text>
      <Text className="invite__facts">
        {invitation.roomCode} · {relationLabels[invitation.relation as Relation] ?? invitation.relation}
      </Text>
      <Text className="invite__facts">有效期至 {formatDateTime(invitation.expiresAt)}</Text>
      <View className="invite__buttons">
        <Button type="primary" size="small" onClick={copy}>
          复制邀请码
        </Button>
        <Button size="small" fill="outline" onClick={onAnother}>
          再邀请一位
        </Button>
      </View>
      <Text className="invite__help">
        请家人打开「邻里」→ 我的 → 绑定房屋 → 邀请码，输入后立即绑定。每个邀请码只能使用一次。
      </Text>
    </View>
  );
}
