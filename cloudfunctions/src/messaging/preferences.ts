import { messageKindInfo, messageKinds, type MessageKind, type MessagePreferencesView } from '@linli/shared';
import type { Store } from '../_lib/store/port';
import { messagingCollections, preferencesId } from './documents';

/** Kinds the account turned off. */
export async function disabledKinds(store: Store, accountId: string): Promise<MessageKind[]> {
  return (await messagingCollections(store).preferences.get(preferencesId(accountId)))?.disabledKinds ?? [];
}

/** Turn kinds on or off; kinds not mentioned keep their setting. */
export async function setPreferences(
  store: Store,
  accountId: string,
  changes: Partial<Record<MessageKind, boolean>>,
  now: number,
): Promise<MessageKind[]> {
  const current = new Set(await disabledKinds(store, accountId));
  for (const [kind, enabled] of Object.entries(changes) as Array<[MessageKind, boolean]>) {
    if (enabled) current.delete(kind);
    else current.add(kind);
  }
  const disabled = messageKinds.filter((kind) => current.has(kind));
  await messagingCollections(store).preferences.set({
    _id: preferencesId(accountId),
    accountId,
    disabledKinds: disabled,
    updatedAt: now,
  });
  return disabled;
}

export function preferencesView(disabled: readonly MessageKind[]): MessagePreferencesView {
  return {
    kinds: messageKinds.map((kind) => ({
      kind,
      ...messageKindInfo[kind],
      enabled: !disabled.includes(kind),
    })),
  };
}
