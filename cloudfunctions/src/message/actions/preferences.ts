import type { messageApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { disabledKinds, preferencesView, setPreferences as save } from '../../messaging/preferences';

export const getPreferences: Handler<typeof messageApi.preferences> = async (_input, ctx) =>
  preferencesView(await disabledKinds(ctx.store, identityOf(ctx).accountId));

export const setPreferences: Handler<typeof messageApi.setPreferences> = async (input, ctx) =>
  preferencesView(await save(ctx.store, identityOf(ctx).accountId, input.kinds, ctx.now()));
