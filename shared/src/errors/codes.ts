/**
 * The closed set of error codes a caller can see. Each code has a zh-CN message a resident
 * understands; handlers may pass a more specific message, never a stack trace.
 */
export const errorMessages = {
  VALIDATION: '输入内容不正确，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_BOUND: '请先绑定您的房屋',
  NOT_FOUND: '未找到相关信息',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  DUPLICATE: '请勿重复提交',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  VERIFICATION_FAILED: '信息核验未通过，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  PRECONDITION_FAILED: '当前状态不允许此操作',
  STORE_LIMIT: '单次查询的数据量超出限制',
  INTERNAL: '系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof errorMessages;
export const errorCodes = Object.keys(errorMessages) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in errorMessages;
}
