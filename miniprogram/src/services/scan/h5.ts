import type { Scan } from '.';

/**
 * A browser on the local runtime has no WeChat scanner: the person (or a test) types or pastes what
 * the code says — the same string the camera would have read.
 */
export const scanByTyping: Scan = () => {
  const typed = window.prompt('本地环境无法调用摄像头，请输入或粘贴二维码内容');
  return Promise.resolve(typed?.trim() ? typed.trim() : null);
};
