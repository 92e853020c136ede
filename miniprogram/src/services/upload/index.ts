import { uploadToLocalRuntime } from './h5';
import { uploadToCloudStorage } from './weapp';

export interface UploadRequest {
  /** A local file from chooseMedia/chooseImage (a temp path in WeChat, a blob: URL in H5). */
  filePath: string;
  /** Where the file goes, e.g. `workorders/wo_123/photo-1.jpg`. */
  cloudPath: string;
}

/** Store a file and resolve with the file id other actions refer to (a `cloud://` id in WeChat). */
export type Upload = (request: UploadRequest) => Promise<{ fileID: string }>;

export const upload: Upload = process.env.TARO_ENV === 'weapp' ? uploadToCloudStorage : uploadToLocalRuntime;

export { fileUrl } from './file-url';
