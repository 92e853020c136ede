import type { ReactNode } from 'react';
import type { Remote } from '../../hooks/use-remote';
import { ErrorState } from '../error-state';
import { LoadingState } from '../loading-state';

/** Loading and error states for any remote data; `children` draws the data once it is there. */
export function RemoteView<T>({
  remote,
  children,
}: {
  remote: Remote<T> & { reload: () => void };
  children: (data: T) => ReactNode;
}) {
  switch (remote.status) {
    case 'loading':
      return <LoadingState />;
    case 'error':
      return <ErrorState message={remote.message} onRetry={remote.reload} />;
    case 'ready':
      return <>{children(remote.data)}</>;
  }
}
