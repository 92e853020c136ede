import { paymentSettlementScenario } from '../faults/payment-settlement';

jest.setTimeout(120_000);

/**
 * The small form of `npm run faults -- payment` (which kills three times over 200 homes and
 * waits for the sweep): `npm start` as a child process, killed with SIGKILL while the
 * notifications of the first payments are being handled, restarted on the same data.
 */
describe('killing the local runtime during payment settlement', () => {
  it('settles every charged order exactly once after a restart, books and reconciliation clean', async () => {
    const outcome = await paymentSettlementScenario({ households: 12, kills: 1, lostNotifications: 0 });
    expect(outcome.failures).toEqual([]);
    expect(outcome.kills).toBe(1);
    // Every home pays this month's bills (some together, some one by one) or tops up.
    const [, settled, charged] = /(\d+)\/(\d+) charged orders settled/.exec(outcome.checks.join('\n')) ?? [];
    expect(Number(charged)).toBeGreaterThanOrEqual(15);
    expect(settled).toBe(charged);
  });
});
