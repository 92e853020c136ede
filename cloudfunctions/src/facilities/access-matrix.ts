/**
 * Who may call each `facilities` action at the gate: Y may call, - is refused before the input is
 * read. Columns: no identity, WeChat user with no home, bound owner, admin, finance, service,
 * technician, timer trigger. Object-level rules (which estate, public-area devices for owners)
 * live in the handlers. tests/integration/authorization-matrix.test.ts checks it against the contracts.
 */
export const accessMatrix = `
action            anon unbound owner admin finance service tech trigger
list              -    -       -     Y     Y       Y       Y    -
detail            -    -       -     Y     Y       Y       Y    -
create            -    -       -     Y     -       -       -    -
update            -    -       -     Y     -       -       -    -
labels            -    -       -     Y     Y       Y       Y    -
scan              -    -       Y     Y     Y       Y       Y    -
plans             -    -       -     Y     Y       Y       Y    -
savePlan          -    -       -     Y     -       -       -    -
runMaintenance    -    -       -     Y     -       -       -    -
inspections       -    -       -     Y     Y       Y       Y    -
inspection        -    -       -     Y     Y       Y       Y    -
startInspection   -    -       -     Y     -       -       Y    -
submitInspection  -    -       -     Y     -       -       Y    -
recordRepairCost  -    -       -     Y     Y       -       -    -
lifecycle         -    -       -     Y     Y       Y       -    -
exportLedger      -    -       -     Y     Y       -       -    -
`;
