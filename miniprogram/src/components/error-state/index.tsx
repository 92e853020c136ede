import { Button } from '../nutui';
import { EmptyState } from '../empty-state';

/** A failed load: the server's message as is, and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <EmptyState title="加载失败" description={message} glyph="!" tone="error">
      {onRetry ? (
        <Button type="primary" fill="outline" size="small" onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </EmptyState>
  );
}
