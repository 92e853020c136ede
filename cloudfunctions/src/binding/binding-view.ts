import { bindingStatusLabels, relationLabels, type Binding, type BindingView } from '@linli/shared';
import type { Collections } from '../_lib/collections';

/** A binding as residents and staff see it: with its room code and estate name. */
export async function toBindingView(db: Collections, binding: Binding): Promise<BindingView> {
  const [household, estate] = await Promise.all([
    db.households.get(binding.householdId),
    db.estates.get(binding.estateId),
  ]);
  return {
    bindingId: binding._id,
    householdId: binding.householdId,
    estateName: estate?.name ?? '',
    roomCode: household?.roomCode ?? '',
    relation: binding.relation,
    relationLabel: relationLabels[binding.relation],
    status: binding.status,
    statusLabel: bindingStatusLabels[binding.status],
    createdAt: binding.createdAt,
    decidedAt: binding.decidedAt,
    reason: binding.reason,
  };
}
