import { Text, View } from '@tarojs/components';
import type { HouseholdDetail } from '@linli/shared';
import { useState } from 'react';
import { Button, CellGroup, Tag } from '../../components/nutui';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';

type Member = HouseholdDetail['members'][number];
interface Contact {
  phone: string | null;
  idNumber: string | null;
}

/** Current residents, phones masked; staff allowed to may reveal one, and every reveal is recorded. */
export function Members({ household }: { household: HouseholdDetail }) {
  const { members, canReveal, householdId } = household;
  return (
    <>
      <CellGroup title={`住户（${members.length}）`}>
        {members.length === 0 ? <Text className="member__empty">暂无登记的住户</Text> : null}
        {members.map((member) => (
          <MemberRow
            key={member.membershipId}
            member={member}
            householdId={householdId}
            canReveal={canReveal}
          />
        ))}
      </CellGroup>
      {canReveal ? (
        <Text className="member__audit-note">查看完整号码会记录查看人和时间，请仅在联系住户时使用。</Text>
      ) : null}
    </>
  );
}

function MemberRow({
  member,
  householdId,
  canReveal,
}: {
  member: Member;
  householdId: string;
  canReveal: boolean;
}) {
  const [contact, setContact] = useState<Contact | null>(null);
  const reveal = useAction(() =>
    call('property', 'revealContact', { householdId, personId: member.personId }),
  );
  const onReveal = async () => {
    const shown = await reveal.run();
    if (shown) setContact(shown);
  };
  const revealable = canReveal && !contact && (member.phone !== null || member.hasIdNumber);

  return (
    <View className="member">
      <View className="member__main">
        <View className="member__name-row">
          <Text className="member__name">{member.name}</Text>
          <Tag background="#f3f4f6" color="#4b5563">
            {member.relationLabel}
          </Tag>
        </View>
        <Text className="member__line">
          {contact ? (contact.phone ?? '未登记手机号') : (member.phone ?? '未登记手机号')}
        </Text>
        {contact?.idNumber ? <Text className="member__line">身份证 {contact.idNumber}</Text> : null}
        {!contact && member.hasIdNumber ? (
          <Text className="member__line member__line--faint">身份证已登记</Text>
        ) : null}
        <Text className="member__line member__line--faint">
          {member.movedInOn ? `${member.movedInOn} 入住` : '入住日期未登记'}
        </Text>
        {reveal.failure ? <Text className="member__error">{reveal.failure.message}</Text> : null}
      </View>
      {revealable ? (
        <Button
          size="small"
          fill="outline"
          type="primary"
          disabled={reveal.pending}
          onClick={() => void onReveal()}
        >
          {reveal.pending ? '读取中…' : '查看完整号码'}
        </Button>
      ) : null}
    </View>
  );
}
