/**
 * Who may call each `dashboard` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (whose household, which estate) live in the handlers.
 * tests/integration/authorization-matrix.test.ts fails when this table and the contracts disagree.
 */
export const accessMatrix = `
action      anon unbound owner admin finance service tech trigger
overview    -    -       -     Y     Y       Y       -    -
company     -    -       -     Y     Y       Y       -    -
saveTarget  -    -       -     Y     -       -       -    -
`;
