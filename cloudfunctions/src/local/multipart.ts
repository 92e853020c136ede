/** One part of a multipart/form-data body. */
export interface FormPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

/** The boundary of a `multipart/form-data; boundary=…` content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function headerValue(headers: string, name: string): string | null {
  const line = headers.split('\r\n').find((h) => h.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

function param(value: string, key: string): string | null {
  const match = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(value);
  return match ? match[1]! : null;
}

/**
 * Split a multipart/form-data body (RFC 7578) into its parts. Small and strict: the local
 * runtime's upload route is its only user, so anything malformed is refused (null).
 */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    if (body.subarray(at, at + 2).toString() !== '\r\n') return null;
    at += 2;
    const headerEnd = body.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) return null;
    const headers = body.subarray(at, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) return null;
    const disposition = headerValue(headers, 'content-disposition');
    const name = disposition ? param(disposition, 'name') : null;
    if (!disposition || !/^form-data\b/i.test(disposition) || name === null) return null;
    parts.push({
      name,
      filename: param(disposition, 'filename'),
      contentType: headerValue(headers, 'content-type'),
      data: body.subarray(headerEnd + 4, next),
    });
    at = next + 2;
  }
}
