/**
 * Who may call each `billing` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (whose household, which estate) live in the handlers.
 * tests/integration/authorization-matrix.test.ts fails when this table and the contracts disagree.
 */
export const accessMatrix = `
action                anon unbound owner admin finance service tech trigger
standards.list        -    -       -     Y     Y       Y       Y    -
standards.save        -    -       -     Y     Y       -       -    -
readings.record       -    -       -     Y     Y       Y       Y    -
readings.approve      -    -       -     Y     Y       -       -    -
readings.list         -    -       -     Y     Y       Y       Y    -
readings.template     -    -       -     Y     Y       Y       Y    -
readings.import       -    -       -     Y     Y       Y       Y    -
run.preview           -    -       -     Y     Y       -       -    -
run.commit            -    -       -     Y     Y       -       -    -
run.status            -    -       -     Y     Y       -       -    -
bills.mine            -    -       Y     -     -       -       -    -
bills.get             -    -       Y     Y     Y       Y       -    -
bills.list            -    -       -     Y     Y       Y       -    -
bills.void            -    -       -     Y     Y       -       -    -
bills.waive           -    -       -     Y     Y       -       -    -
prepay.statement      -    -       Y     Y     Y       Y       -    -
stats.collection      -    -       -     Y     Y       -       -    -
stats.aging           -    -       -     Y     Y       -       -    -
stats.habits          -    -       -     Y     Y       -       -    -
stats.export          -    -       -     Y     Y       -       -    -
stats.exportAging     -    -       -     Y     Y       -       -    -
dunning.schedule      -    -       -     Y     Y       Y       -    -
dunning.saveSchedule  -    -       -     Y     Y       -       -    -
dunning.callList      -    -       -     Y     Y       Y       -    -
dunning.exportCalls   -    -       -     Y     Y       Y       -    -
dunning.revealPhone   -    -       -     Y     Y       Y       -    -
dunning.markCalled    -    -       -     Y     Y       Y       -    -
`;
