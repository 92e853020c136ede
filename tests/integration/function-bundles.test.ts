import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFunctions } from '@linli/cloudfunctions/scripts/build-functions';
import { functions } from '@linli/cloudfunctions/src/functions';

const dist = resolve(__dirname, '../../cloudfunctions/dist');
type Main = (event: unknown, context?: unknown) => Promise<unknown>;

describe('deployable function bundles', () => {
  beforeAll(async () => {
    await buildFunctions();
  }, 60_000);

  const names = Object.keys(functions);

  it.each(names)('%s is a folder CloudBase accepts: index.js exporting main, and package.json', (name) => {
    const pkg = JSON.parse(readFileSync(join(dist, name, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: object;
    };
    expect(pkg.main).toBe('index.js');
    expect(existsSync(join(dist, name, 'index.js'))).toBe(true);
    // Shared domain code is bundled in, not required from the workspace.
    expect(readFileSync(join(dist, name, 'index.js'), 'utf8')).not.toMatch(/require\(["']@linli\//);
  });

  it.each(names)('%s answers a malformed event with the typed validation error', async (name) => {
    const { main } = jest.requireActual<{ main: Main }>(join(dist, name, 'index.js'));
    for (const event of [null, 42, 'hello', {}, { action: 7 }, { action: '' }]) {
      const result = await main(event, { request_id: 'req_test' });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', requestId: 'req_test' } });
    }
  });
});
