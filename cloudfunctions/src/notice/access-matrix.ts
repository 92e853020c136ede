/**
 * Who may call each `notice` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (whose household, which estate) live in the handlers.
 * tests/integration/authorization-matrix.test.ts fails when this table and the contracts disagree.
 */
export const accessMatrix = `
action          anon unbound owner admin finance service tech trigger
create          -    -       -     Y     -       Y       -    -
update          -    -       -     Y     -       Y       -    -
publish         -    -       -     Y     -       Y       -    -
cancelSchedule  -    -       -     Y     -       Y       -    -
withdraw        -    -       -     Y     -       Y       -    -
pin             -    -       -     Y     -       Y       -    -
setExpiry       -    -       -     Y     -       Y       -    -
list            -    -       -     Y     -       Y       -    -
detail          -    -       -     Y     -       Y       -    -
feed            -    -       Y     -     -       -       -    -
open            -    -       Y     -     -       -       -    -
stats           -    -       -     Y     -       Y       -    -
unread          -    -       -     Y     -       Y       -    -
remind          -    -       -     Y     -       Y       -    -
`;
