/**
 * Who may call each `payment` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (whose household, which estate) live in the handlers.
 * tests/integration/authorization-matrix.test.ts fails when this table and the contracts disagree.
 */
export const accessMatrix = `
action         anon unbound owner admin finance service tech trigger
create         -    -       Y     -     -       -       -    -
topUp          -    -       Y     -     -       -       -    -
status         -    -       Y     Y     Y       -       -    -
list           -    -       -     Y     Y       -       -    -
get            -    -       -     Y     Y       -       -    -
refund         -    -       -     Y     Y       -       -    -
recordOffline  -    -       -     Y     Y       -       -    -
cancelOffline  -    -       -     Y     Y       -       -    -
reconcile      -    -       -     Y     Y       -       -    -
alerts         -    -       -     Y     Y       -       -    -
`;
