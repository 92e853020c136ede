import { boundaryOf, parseMultipart } from './multipart';

const form = (boundary: string, parts: string[]) =>
  Buffer.from(`${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`, 'binary');

describe('multipart/form-data parsing', () => {
  it('reads the boundary, quoted or not, and nothing from other content types', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc123')).toBe('----abc123');
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/json')).toBeNull();
    expect(boundaryOf(undefined)).toBeNull();
  });

  it('splits text fields and files, keeping file bytes exactly', () => {
    const bytes = '\x89PNG\r\n\x1a\n\x00\xff';
    const body = form('XyZ', [
      'Content-Disposition: form-data; name="cloudPath"\r\n\r\nworkorders/a.png',
      `Content-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n${bytes}`,
    ]);
    const parts = parseMultipart(body, 'XyZ');
    expect(parts?.map((p) => [p.name, p.filename, p.contentType])).toEqual([
      ['cloudPath', null, null],
      ['file', 'a.png', 'image/png'],
    ]);
    expect(parts?.[0]?.data.toString()).toBe('workorders/a.png');
    expect(parts?.[1]?.data.equals(Buffer.from(bytes, 'binary'))).toBe(true);
  });

  it('refuses a body without the closing delimiter or with a part lacking a name', () => {
    expect(
      parseMultipart(Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'), 'XyZ'),
    ).toBeNull();
    expect(parseMultipart(form('XyZ', ['Content-Disposition: form-data\r\n\r\n1']), 'XyZ')).toBeNull();
    expect(parseMultipart(Buffer.from('nothing'), 'XyZ')).toBeNull();
  });
});
