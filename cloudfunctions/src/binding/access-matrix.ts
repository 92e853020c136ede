/**
 * Who may call each `binding` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (whose household, which estate) live in the handlers.
 * tests/integration/authorization-matrix.test.ts fails when this table and the contracts disagree.
 */
export const accessMatrix = `
action            anon unbound owner admin finance service tech trigger
claim             -    Y       Y     Y     Y       Y       Y    -
mine              -    Y       Y     Y     Y       Y       Y    -
estates           -    Y       Y     Y     Y       Y       Y    -
queue             -    -       -     Y     -       Y       -    -
decide            -    -       -     Y     -       Y       -    -
inviteFamily      -    -       Y     -     -       -       -    -
issueInvitations  -    -       -     Y     -       Y       -    -
unbind            -    Y       Y     Y     Y       Y       Y    -
`;
