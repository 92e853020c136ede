import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FeeItemView } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { FeeItemCard } from './fee-item-card';
import { draftFromRule, emptyDraft, nextMonthStart, type RuleDraft } from './rule-draft';
import { StandardForm } from './standard-form';
import './index.css';

/** 收费标准: every fee item with the version in force, the ones to come and the history. */
export default function FeeStandards() {
  return (
    <StaffPage allow={staffPageRoles.billing}>
      {({ estateId }) => <Standards key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

type Editing = { draft: RuleDraft; newItem: boolean } | null;

function Standards({ estateId }: { estateId: string }) {
  const list = useRemote(() => call('billing', 'standards.list', { estateId }), [estateId]);
  const [editing, setEditing] = useState<Editing>(null);
  const nextVersion = (item: FeeItemView) => {
    const latest = item.versions[0];
    if (latest) setEditing({ draft: draftFromRule(latest.rule, nextMonthStart()), newItem: false });
  };

  if (editing)
    return (
      <StandardForm
        estateId={estateId}
        initial={editing.draft}
        newItem={editing.newItem}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          list.refresh();
          void Taro.showToast({ title: `已保存，${saved.effectiveFrom} 起生效`, icon: 'none' });
        }}
      />
    );
  return (
    <RemoteView remote={list}>
      {({ items }) => (
        <>
          <View className="standards__intro">
            <Text>调价请新增版本：自生效日起按新标准出账，已出的账单保持原样。</Text>
          </View>
          {items.length === 0 ? (
            <EmptyState title="暂无收费标准" description="新增收费项目后即可出账。" glyph="¥" />
          ) : (
            items.map((item) => (
              <FeeItemCard key={item.itemCode} item={item} onNewVersion={() => nextVersion(item)} />
            ))
          )}
          <Button type="primary" block onClick={() => setEditing({ draft: emptyDraft(), newItem: true })}>
            新增收费项目
          </Button>
        </>
      )}
    </RemoteView>
  );
}
