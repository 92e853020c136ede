/**
 * Who may call each `workorder` action at the gate: Y may call, - is refused before the input is read.
 * Columns: no identity, WeChat user with no home, bound owner, admin, finance, service, technician,
 * timer trigger. Object-level rules (whose household, which estate) live in the handlers.
 * tests/integration/authorization-matrix.test.ts fails when this table and the contracts disagree.
 */
export const accessMatrix = `
action           anon unbound owner admin finance service tech trigger
report           -    -       Y     -     -       -       -    -
mine             -    -       Y     -     -       -       -    -
detail           -    -       Y     Y     -       Y       Y    -
confirm          -    -       Y     -     -       -       -    -
reopen           -    -       Y     -     -       -       -    -
cancel           -    -       Y     Y     -       Y       -    -
approveQuote     -    -       Y     -     -       -       -    -
declineQuote     -    -       Y     -     -       -       -    -
createForOwner   -    -       -     Y     -       Y       -    -
list             -    -       -     Y     -       Y       -    -
dispatch         -    -       -     Y     -       Y       -    -
candidates       -    -       -     Y     -       Y       -    -
reassign         -    -       -     Y     -       Y       -    -
setPriority      -    -       -     Y     -       Y       -    -
stats            -    -       -     Y     -       Y       -    -
settings         -    -       -     Y     -       Y       -    -
saveSettings     -    -       -     Y     -       -       -    -
setChargeable    -    -       -     Y     -       Y       -    -
priceList        -    -       -     Y     -       Y       Y    -
savePriceList    -    -       -     Y     -       -       -    -
queue            -    -       -     -     -       -       Y    -
pool             -    -       -     Y     -       Y       Y    -
grab             -    -       -     -     -       -       Y    -
accept           -    -       -     -     -       -       Y    -
reject           -    -       -     -     -       -       Y    -
depart           -    -       -     -     -       -       Y    -
start            -    -       -     -     -       -       Y    -
pause            -    -       -     -     -       -       Y    -
resume           -    -       -     -     -       -       Y    -
complete         -    -       -     -     -       -       Y    -
quote            -    -       -     -     -       -       Y    -
knowledgeSearch  -    -       -     Y     -       Y       Y    -
`;
