/**
 * Who may call each `survey` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (which estate, which household, targeted or not) live in the
 * handlers. tests/integration/authorization-matrix.test.ts fails when this table and the contracts
 * disagree.
 */
export const accessMatrix = `
action     anon unbound owner admin finance service tech trigger
create     -    -       -     Y     -       Y       -    -
update     -    -       -     Y     -       Y       -    -
publish    -    -       -     Y     -       Y       -    -
close      -    -       -     Y     -       Y       -    -
list       -    -       -     Y     -       Y       -    -
detail     -    -       -     Y     -       Y       -    -
results    -    -       -     Y     -       Y       -    -
export     -    -       -     Y     -       Y       -    -
remind     -    -       -     Y     -       Y       -    -
mine       -    -       Y     -     -       -       -    -
open       -    -       Y     -     -       -       -    -
saveDraft  -    -       Y     -     -       -       -    -
submit     -    -       Y     -     -       -       -    -
`;
