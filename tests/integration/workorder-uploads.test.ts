import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { WorkOrderDetail } from '@linli/shared';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createLocalServer, SESSION_HEADER } from '@linli/cloudfunctions/src/local/server';
import { MAX_UPLOAD_BYTES, uploadRoutes } from '@linli/cloudfunctions/src/local/upload-routes';
import type { TestRuntime } from '../helpers/test-runtime';
import { OWNER, workorderRuntime } from '../helpers/workorders';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);

describe('local photo uploads (cloud storage stand-in) for repair reports', () => {
  let t: TestRuntime;
  let server: Server;
  let base: string;
  let dataDir: string;
  let token: string;

  beforeEach(async () => {
    ({ t } = await workorderRuntime());
    dataDir = mkdtempSync(join(tmpdir(), 'linli-uploads-'));
    server = createLocalServer({
      runtime: t.runtime,
      log: createMemoryLogger(),
      h5Dir: dataDir,
      demoAccounts: [],
      routes: [uploadRoutes({ runtime: t.runtime, dataDir })],
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: OWNER }),
    });
    token = ((await login.json()) as { token: string }).token;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (bytes: Buffer, options: { session?: string | null; name?: string; type?: string } = {}) => {
    const form = new FormData();
    form.append('cloudPath', 'workorders/leak.png');
    form.append(
      'file',
      new Blob([new Uint8Array(bytes)], { type: options.type ?? 'image/png' }),
      options.name ?? 'leak.png',
    );
    const session = options.session === undefined ? token : options.session;
    return fetch(`${base}/sim/upload`, {
      method: 'POST',
      body: form,
      headers: session ? { [SESSION_HEADER]: session } : {},
    });
  };

  it('stores a photo, answers with a local:// file id, serves it back, and a report accepts it', async () => {
    const reply = await upload(PNG);
    expect(reply.status).toBe(200);
    const { fileID } = (await reply.json()) as { fileID: string };
    expect(fileID).toMatch(/^local:\/\/uploads\/[a-z0-9]{24}\.png$/);
    expect(readdirSync(join(dataDir, 'uploads'))).toHaveLength(1);

    const served = await fetch(`${base}/${fileID.slice('local://'.length)}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    const order = await t.ok<WorkOrderDetail>(OWNER, 'workorder', 'report', {
      category: 'plumbing',
      description: '卫生间漏水，见照片',
      photos: [fileID],
    });
    expect(order.photos).toEqual([fileID]);
  });

  it('refuses callers without a session, files that are not images, and files over the limit; stores nothing', async () => {
    expect((await upload(PNG, { session: null })).status).toBe(401);
    const script = await upload(Buffer.from('<script>alert(1)</script>'), { name: 'x.png' });
    expect(script.status).toBe(400);
    expect(((await script.json()) as { error: { message: string } }).error.message).toContain('只能上传');
    expect((await upload(Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES)]))).status).toBe(400);
    expect(readdirSync(join(dataDir, 'uploads'))).toEqual([]);
    expect((await fetch(`${base}/uploads/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await fetch(`${base}/uploads/aaaaaaaaaaaaaaaaaaaaaaaa.png`)).status).toBe(404);
  });
});
