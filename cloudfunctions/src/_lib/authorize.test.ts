import type { Identity } from '@linli/shared';
import { assertCanCall, assertCanSeeHousehold, assertServesEstate, type Caller } from './authorize';

const identity = (overrides: Partial<Identity>): Identity => ({
  openid: 'o',
  accountId: 'acct_o',
  displayName: '测试',
  roles: [],
  staffEstateIds: [],
  householdIds: [],
  ...overrides,
});
const user = (overrides: Partial<Identity>): Caller => ({ kind: 'user', identity: identity(overrides) });
const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'OK';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('access checks', () => {
  const staffOnly = { roles: ['admin', 'finance'] as const };
  const ownerOnly = { roles: ['owner'] as const };

  it('answers each kind of caller with the right code', () => {
    expect(codeOf(() => assertCanCall(staffOnly, user({ roles: ['finance'] })))).toBe('OK');
    expect(codeOf(() => assertCanCall(staffOnly, user({ roles: ['owner'] })))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanCall(staffOnly, { kind: 'anonymous' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => assertCanCall(ownerOnly, user({ roles: [] })))).toBe('NOT_BOUND');
    expect(codeOf(() => assertCanCall(ownerOnly, user({ roles: ['technician'] })))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanCall('signed-in', user({})))).toBe('OK');
    expect(codeOf(() => assertCanCall('public', { kind: 'anonymous' }))).toBe('OK');
  });

  it('lets only the timer trigger call trigger actions', () => {
    expect(codeOf(() => assertCanCall('trigger', { kind: 'trigger' }))).toBe('OK');
    expect(codeOf(() => assertCanCall('trigger', user({ roles: ['admin'] })))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanCall(staffOnly, { kind: 'trigger' }))).toBe('FORBIDDEN');
  });

  it('shows a household to its owner and to staff of its estate only', () => {
    const household = { _id: 'hh_1', estateId: 'est_a' };
    expect(
      codeOf(() => assertCanSeeHousehold(identity({ roles: ['owner'], householdIds: ['hh_1'] }), household)),
    ).toBe('OK');
    expect(
      codeOf(() => assertCanSeeHousehold(identity({ roles: ['owner'], householdIds: ['hh_2'] }), household)),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(() =>
        assertCanSeeHousehold(identity({ roles: ['service'], staffEstateIds: ['est_a'] }), household),
      ),
    ).toBe('OK');
    expect(
      codeOf(() =>
        assertCanSeeHousehold(identity({ roles: ['service'], staffEstateIds: ['est_b'] }), household),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(() => assertServesEstate(identity({ staffEstateIds: ['est_b'] }), 'est_a'))).toBe(
      'FORBIDDEN',
    );
  });
});
