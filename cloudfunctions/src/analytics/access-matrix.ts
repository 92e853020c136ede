/**
 * Who may call each `analytics` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (whose household, which estate) live in the handlers; each
 * list export runs its list's own handler, so it has that list's estate checks too.
 * tests/integration/authorization-matrix.test.ts fails when this table and the contracts disagree.
 */
export const accessMatrix = `
action                anon unbound owner admin finance service tech trigger
habits.segments       -    -       -     Y     Y       -       -    -
habits.apply          -    -       -     Y     Y       -       -    -
habits.reset          -    -       -     Y     Y       -       -    -
repairs.frequency     -    -       -     Y     Y       Y       -    -
export.habits         -    -       -     Y     Y       -       -    -
export.repairs        -    -       -     Y     Y       Y       -    -
export.workorders     -    -       -     Y     -       Y       -    -
export.payments       -    -       -     Y     Y       -       -    -
export.alarms         -    -       -     Y     -       Y       Y    -
export.conversations  -    -       -     Y     -       Y       -    -
export.complaints     -    -       -     Y     -       Y       -    -
export.audit          -    -       -     Y     -       -       -    -
`;
