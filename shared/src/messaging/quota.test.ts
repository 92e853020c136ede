import { MAX_ACCEPTS_PER_GRANT, readGrant } from './quota';
import { templatesForMoment } from './subscribe-moments';

const known = new Set(['T-BILL', 'T-DUE', 'T-PAY', 'T-NOTICE', 'T-REPAIR', 'T-ALARM']);

describe('quota ledger rules', () => {
  it('one accept grants one send of that template; other answers grant nothing', () => {
    const reading = readGrant(
      { errMsg: 'requestSubscribeMessage:ok', 'T-BILL': 'accept', 'T-DUE': 'reject', 'T-PAY': 'ban' },
      known,
    );
    expect(reading.accepted).toEqual(['T-BILL']);
    expect(reading.answers).toEqual({ 'T-BILL': 'accept', 'T-DUE': 'reject', 'T-PAY': 'ban' });
  });

  it('ignores keys that are not our templates (errMsg, stale or forged ids)', () => {
    expect(readGrant({ errMsg: 'accept', 'T-OLD': 'accept' }, known).accepted).toEqual([]);
  });

  it('counts acceptWithAudio as an accept', () => {
    expect(readGrant({ 'T-NOTICE': 'acceptWithAudio' }, known).accepted).toEqual(['T-NOTICE']);
  });

  it('caps a single grant at what one prompt can show', () => {
    const all = Object.fromEntries([...known].map((id) => [id, 'accept']));
    expect(readGrant(all, known).accepted).toHaveLength(MAX_ACCEPTS_PER_GRANT);
  });

  it('asks for at most 3 templates at a moment, only kinds that are on, one id per template', () => {
    const ids = { payment_received: 'T-PAY', bill_issued: 'T-BILL', bill_due: 'T-BILL' } as Record<
      string,
      string
    >;
    expect(
      templatesForMoment(
        'after_payment',
        () => true,
        (kind) => ids[kind] ?? 'T-X',
      ),
    ).toEqual(['T-PAY', 'T-BILL']);
    expect(
      templatesForMoment(
        'after_payment',
        (kind) => kind !== 'payment_received',
        (kind) => ids[kind] ?? 'T-X',
      ),
    ).toEqual(['T-BILL']);
  });
});
