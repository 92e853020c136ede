import { z } from 'zod';
import '../schemas/zod-setup';
import { AppError, errorCodes, errorMessages, isErrorCode } from '.';

describe('errors', () => {
  it('give every code a Chinese message', () => {
    for (const code of errorCodes) expect(errorMessages[code]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('shape an AppError without a stack, keeping field issues and the request id', () => {
    const error = new AppError('VALIDATION', undefined, { issues: [{ path: 'area', message: '必填' }] });
    expect(error.toShape('req_1')).toEqual({
      code: 'VALIDATION',
      message: errorMessages.VALIDATION,
      requestId: 'req_1',
      issues: [{ path: 'area', message: '必填' }],
    });
    expect(JSON.stringify(error.toShape())).not.toContain('at ');
  });

  it('recognise only known codes', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('forbidden')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });

  it('validate in Simplified Chinese', () => {
    const result = z.object({ name: z.string() }).safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
