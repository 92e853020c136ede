import { roleLabels, type MeView, type StaffRole } from '@linli/shared';
import { useState, type ReactNode } from 'react';
import { BackRow } from '../../../components/back-row';
import { EmptyState } from '../../../components/empty-state';
import { RemoteView } from '../../../components/remote-view';
import { Screen } from '../../../components/screen';
import { useRemote } from '../../../hooks/use-remote';
import { call } from '../../../services/api';
import { pickCurrentEstate, rememberCurrentEstate } from '../../../state/current-estate';
import { EstatePicker } from '../estate-picker';
import { OwnersAway } from '../owners-away';

export interface StaffSession {
  account: MeView;
  /** The estate the page is about: the 工作台's choice, shared by every staff page. */
  estateId: string;
  has: (...roles: StaffRole[]) => boolean;
}

interface StaffPageProps {
  /** Roles that may use the page; other staff are told, owners sent back. */
  allow: readonly StaffRole[];
  /** Pages about one estate offer the estate picker; a page about one record does not. */
  pickEstate?: boolean;
  children: (session: StaffSession) => ReactNode;
}

/** The frame of every staff page below the 工作台: who may see it, and for which estate. */
export function StaffPage({ allow, pickEstate = true, children }: StaffPageProps) {
  const me = useRemote(() => call('account', 'me', {}), []);
  return (
    <Screen>
      <BackRow label="返回" fallbackUrl="/admin/workbench/index" />
      <RemoteView remote={me}>
        {(account) => (
          <StaffGate account={account} allow={allow} pickEstate={pickEstate}>
            {children}
          </StaffGate>
        )}
      </RemoteView>
    </Screen>
  );
}

function StaffGate({ account, allow, pickEstate, children }: StaffPageProps & { account: MeView }) {
  const [estateId, setEstateId] = useState(() => pickCurrentEstate(account.staffEstateIds));
  if (!account.isStaff) return <OwnersAway />;
  const has = (...roles: StaffRole[]) => roles.some((role) => account.roles.includes(role));
  if (!has(...allow)) {
    return (
      <EmptyState
        title="无权使用此功能"
        description={`此功能仅限${allow.map((role) => roleLabels[role]).join('、')}使用。`}
        glyph="⚙"
      />
    );
  }
  if (!estateId)
    return <EmptyState title="暂无负责的小区" description="请联系管理员为您分配小区。" glyph="⚙" />;
  const choose = (id: string) => {
    rememberCurrentEstate(id);
    setEstateId(id);
  };
  return (
    <>
      {pickEstate && account.staffEstateIds.length > 1 ? (
        <EstatePicker estateIds={account.staffEstateIds} value={estateId} onChange={choose} />
      ) : null}
      {children({ account, estateId, has })}
    </>
  );
}

/** Which role may use which staff page; the 工作台 shows an entry only where it applies. */
export const staffPageRoles = {
  bindings: ['admin', 'service'],
  households: ['admin', 'service', 'finance', 'technician'],
  staff: ['admin', 'service'],
  sheets: ['admin', 'finance'],
  billing: ['admin', 'finance'],
  bills: ['admin', 'finance', 'service'],
  readings: ['admin', 'finance', 'service', 'technician'],
  notices: ['admin', 'service'],
  serviceDesk: ['admin', 'service'],
} as const satisfies Record<string, readonly StaffRole[]>;
