const LOCAL_SCHEME = 'local://';

/**
 * What an <Image> shows for a stored file id: a `cloud://` id as it is (WeChat resolves it), a
 * `local://uploads/…` id as the local runtime's `/uploads/…` address (same origin as the H5 app).
 */
export function fileUrl(fileId: string): string {
  return fileId.startsWith(LOCAL_SCHEME) ? `/${fileId.slice(LOCAL_SCHEME.length)}` : fileId;
}
