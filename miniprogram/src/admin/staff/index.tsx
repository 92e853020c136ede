import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaffView } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { PageLink } from '../components/page-link';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { StaffCard } from './staff-card';
import './index.css';

const statusOrder: Record<StaffView['status'], number> = { joined: 0, invited: 1, inactive: 2 };

/** The estate's staff; admins add, edit and deactivate, 客服 only read. */
export default function StaffList() {
  return (
    <StaffPage allow={staffPageRoles.staff}>
      {({ estateId, has }) => (
        <>
          {has('admin') ? <PageLink url="/admin/audit/index" label="操作审计（谁在何时改了什么）" /> : null}
          <Roster key={estateId} estateId={estateId} canEdit={has('admin')} />
        </>
      )}
    </StaffPage>
  );
}

function Roster({ estateId, canEdit }: { estateId: string; canEdit: boolean }) {
  const list = useRemote(() => call('staff', 'list', { estateId }), [estateId]);
  useReloadOnShow(list.refresh);
  return (
    <>
      {canEdit ? (
        <Button
          type="primary"
          block
          onClick={() => void Taro.navigateTo({ url: `/admin/staff-edit/index?estateId=${estateId}` })}
        >
          新增员工
        </Button>
      ) : (
        <Text className="staff__read-only">仅管理员可以新增、修改或停用员工。</Text>
      )}
      <RemoteView remote={list}>
        {({ staff }) =>
          staff.length === 0 ? (
            <EmptyState title="暂无员工" description="新增员工后，把加入码交给本人即可开通。" glyph="☺" />
          ) : (
            <>
              <Text className="section-title">{summary(staff)}</Text>
              {[...staff]
                .sort((a, b) => statusOrder[a.status] - statusOrder[b.status])
                .map((member) => (
                  <StaffCard
                    key={member.staffId}
                    member={member}
                    estateId={estateId}
                    canEdit={canEdit}
                    onChanged={list.refresh}
                  />
                ))}
            </>
          )
        }
      </RemoteView>
    </>
  );
}

function summary(staff: StaffView[]): string {
  const count = (status: StaffView['status']) => staff.filter((m) => m.status === status).length;
  return `已开通 ${count('joined')} 人 · 待加入 ${count('invited')} 人 · 已停用 ${count('inactive')} 人`;
}
