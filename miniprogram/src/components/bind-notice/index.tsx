import Taro from '@tarojs/taro';
import { Button } from '../nutui';
import { EmptyState } from '../empty-state';

export const BIND_MESSAGE = '您还没有绑定房屋，请联系物业或在此提交绑定申请';

/** What an account without a household sees where household data would be. */
export function BindNotice({ showDetails = true }: { showDetails?: boolean }) {
  return (
    <EmptyState title="尚未绑定房屋" description={BIND_MESSAGE} glyph="⌂">
      {showDetails ? (
        <Button
          type="primary"
          size="small"
          onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}
        >
          了解如何绑定
        </Button>
      ) : null}
    </EmptyState>
  );
}
