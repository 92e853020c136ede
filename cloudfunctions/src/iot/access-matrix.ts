/**
 * Who may call each `iot` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (which estate) live in the handlers. The bridge's ingest and
 * sync are not actions: they reach the function's HTTP access with the bridge token.
 * tests/integration/authorization-matrix.test.ts fails when this table and the contracts disagree.
 */
export const accessMatrix = `
action           anon unbound owner admin finance service tech trigger
alarms           -    -       -     Y     -       Y       Y    -
ack              -    -       -     Y     -       Y       Y    -
resolve          -    -       -     Y     -       Y       Y    -
devices          -    -       -     Y     -       Y       Y    -
deviceState      -    -       -     Y     -       Y       Y    -
rules            -    -       -     Y     -       Y       Y    -
saveRules        -    -       -     Y     -       -       -    -
deviceRules      -    -       -     Y     -       Y       Y    -
saveDeviceRules  -    -       -     Y     -       -       -    -
issueCredential  -    -       -     Y     -       -       -    -
`;
