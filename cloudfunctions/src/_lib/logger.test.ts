import { createMemoryLogger, maskPersonalData } from './logger';

describe('logger', () => {
  it('masks phone and ID numbers in every line', () => {
    const log = createMemoryLogger();
    log.log('info', 'binding.attempt', {
      phone: '13812345678',
      idNumber: '110101199003071234',
      note: '联系 13900001111',
    });
    const line = log.lines[0]!;
    expect(line).not.toContain('13812345678');
    expect(line).not.toContain('13900001111');
    expect(line).not.toContain('110101199003071234');
    expect(line).toContain('138****5678');
    expect(line).toContain('1101**********1234');
  });

  it('leaves other numbers alone', () => {
    expect(maskPersonalData('order 20261129 amount 21040')).toBe('order 20261129 amount 21040');
  });

  it('carries child fields and serialises errors with their message', () => {
    const log = createMemoryLogger();
    log.child({ requestId: 'req_1' }).log('error', 'boom', { error: new Error('bad') });
    expect(JSON.parse(log.lines[0]!)).toMatchObject({
      requestId: 'req_1',
      event: 'boom',
      error: { message: 'bad' },
    });
  });
});
