import { scanByTyping } from './h5';
import { scanWithCamera } from './weapp';

/** Scan a QR or bar code (a device label, an invitation). Resolves null when the person cancels. */
export type Scan = () => Promise<string | null>;

export const scan: Scan = process.env.TARO_ENV === 'weapp' ? scanWithCamera : scanByTyping;
