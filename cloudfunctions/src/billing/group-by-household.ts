/** Documents grouped by their household, in the order given; those without one are left out. */
export function groupByHousehold<T extends { householdId: string | null }>(
  items: Iterable<T>,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (item.householdId === null) continue;
    const group = groups.get(item.householdId);
    if (group) group.push(item);
    else groups.set(item.householdId, [item]);
  }
  return groups;
}
