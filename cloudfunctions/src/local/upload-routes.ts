import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { AppError, fail } from '@linli/shared';
import { z } from 'zod';
import { httpStatusFor } from './http-status';
import { boundaryOf, parseMultipart } from './multipart';
import type { Runtime } from './runtime';
import type { Route } from './server';
import { SESSION_HEADER } from './server';
import { devSessions } from './sessions';

/** Where the H5 upload service posts (miniprogram/src/services/upload/h5.ts). */
export const UPLOAD_PATH = '/sim/upload';
/** Where stored files are read back: `local://uploads/<name>` is served at `/uploads/<name>`. */
export const UPLOADS_URL_PREFIX = '/uploads/';
/** WeChat compresses photos well below this; anything larger is not a phone photo. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Image kinds accepted, recognised by their first bytes rather than the name the client sent. */
const IMAGE_KINDS: Array<{ ext: string; type: string; matches: (b: Buffer) => boolean }> = [
  { ext: 'jpg', type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    ext: 'png',
    type: 'image/png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  },
  { ext: 'gif', type: 'image/gif', matches: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    ext: 'webp',
    type: 'image/webp',
    matches: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

const StoredName = z.string().regex(/^[a-z0-9]{24}\.(jpg|png|gif|webp)$/);
/** The cloud path the client asks for; only a hint locally (names are ours), but checked like cloud storage would. */
const CloudPath = z
  .string()
  .max(200)
  .regex(/^[\w./-]+$/, '文件路径格式不正确')
  .refine((p) => !p.split('/').includes('..'), '文件路径格式不正确');

function sendError(res: ServerResponse, error: AppError): void {
  res
    .writeHead(httpStatusFor[error.code], { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(fail(error.toShape())));
}

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new AppError('VALIDATION', `图片不能超过 ${limit / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Cloud storage for the local runtime: a signed-in caller posts one image (multipart field
 * `file`), it is kept under `<dataDir>/uploads/` with a random name, and the answer is a
 * `local://uploads/<name>` file id that actions accept as they accept `cloud://` ids.
 */
export function uploadRoutes(options: { runtime: Runtime; dataDir: string }): Route {
  const dir = join(options.dataDir, 'uploads');
  mkdirSync(dir, { recursive: true });
  const sessions = devSessions(options.runtime.store);

  async function store(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const header = req.headers[SESSION_HEADER];
    if (!(await sessions.openidFor(Array.isArray(header) ? header[0] : header)))
      return sendError(res, new AppError('UNAUTHENTICATED', '请先登录再上传图片'));
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) return sendError(res, new AppError('VALIDATION', '请以表单方式上传图片'));
    // The form's own overhead is small; the file itself is what the limit is about.
    const parts = parseMultipart(await readLimited(req, MAX_UPLOAD_BYTES + 16 * 1024), boundary);
    const file = parts?.find((p) => p.name === 'file' && p.filename !== null);
    if (!parts || !file) return sendError(res, new AppError('VALIDATION', '没有收到图片文件'));
    if (file.data.length > MAX_UPLOAD_BYTES)
      return sendError(res, new AppError('VALIDATION', `图片不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`));
    const cloudPath = parts.find((p) => p.name === 'cloudPath')?.data.toString('utf8');
    if (cloudPath !== undefined && !CloudPath.safeParse(cloudPath).success)
      return sendError(res, new AppError('VALIDATION', '文件路径格式不正确'));
    const kind = IMAGE_KINDS.find((k) => k.matches(file.data));
    if (!kind) return sendError(res, new AppError('VALIDATION', '只能上传 JPG、PNG、GIF 或 WebP 图片'));
    const name = `${randomBytes(12).toString('hex')}.${kind.ext}`;
    await writeFile(join(dir, name), file.data, { flag: 'wx' });
    res
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      .end(JSON.stringify({ fileID: `local://uploads/${name}` }));
  }

  async function serve(res: ServerResponse, name: string): Promise<void> {
    const parsed = StoredName.safeParse(name);
    const data = parsed.success ? await readFile(join(dir, parsed.data)).catch(() => null) : null;
    if (!data) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('图片不存在');
      return;
    }
    const type = IMAGE_KINDS.find((k) => name.endsWith(`.${k.ext}`))!.type;
    // Names are random and files never change: cache for good.
    res
      .writeHead(200, {
        'content-type': type,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      })
      .end(data);
  }

  return async (req, res, url) => {
    if (url.pathname === UPLOAD_PATH && req.method === 'POST') {
      await store(req, res);
      return true;
    }
    if (url.pathname.startsWith(UPLOADS_URL_PREFIX) && (req.method === 'GET' || req.method === 'HEAD')) {
      await serve(res, url.pathname.slice(UPLOADS_URL_PREFIX.length));
      return true;
    }
    return false;
  };
}
