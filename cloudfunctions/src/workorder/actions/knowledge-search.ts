import type { workorderApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { technicianRecord } from '../access';
import { searchKnowledge } from '../knowledge';

/** 维修知识库: past fixes in the caller's estates most like the words asked. */
export const knowledgeSearch: Handler<(typeof workorderApi)['knowledgeSearch']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const technician = await technicianRecord(ctx);
  const estateIds = [...new Set([...identity.staffEstateIds, ...(technician?.estateIds ?? [])])];
  const items = await searchKnowledge(
    ctx,
    estateIds,
    { text: input.query, category: input.category ?? null, deviceModel: input.deviceModel ?? null },
    { limit: input.limit },
  );
  return { items };
};
