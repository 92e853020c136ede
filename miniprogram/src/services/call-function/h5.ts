import type { CallFunction } from '.';
import { requestLocal } from '../local-runtime';

/** The local runtime serves every action at POST /api/{function}/{action}; errors keep their envelope. */
export const callFunctionOverHttp: CallFunction = async (name, action, input) => {
  const reply = await requestLocal('POST', `/api/${name}/${action}`, input);
  return reply.body;
};
