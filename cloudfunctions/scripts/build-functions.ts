/**
 * `npm run build:functions`: bundle each bounded context into a folder CloudBase accepts,
 * cloudfunctions/dist/<name>/{index.js, package.json}. Shared code is bundled in, since each
 * function is uploaded on its own.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { functions } from '../src/functions';

const root = resolve(__dirname, '..');
const outRoot = join(root, 'dist');

/**
 * Packages left out of the bundle and installed by CloudBase (`installDependency`).
 * wechatpay-axios-plugin assigns to a getter-only property, which throws once bundled into strict code.
 */
const EXTERNAL: Record<string, string> = {
  '@cloudbase/node-sdk': '3.18.3',
  exceljs: '4.4.0',
  'wechatpay-axios-plugin': '0.9.6',
};

export async function buildFunctions(names: string[] = Object.keys(functions)): Promise<string[]> {
  rmSync(outRoot, { recursive: true, force: true });
  for (const name of names) {
    const dir = join(outRoot, name);
    mkdirSync(dir, { recursive: true });
    await build({
      stdin: {
        contents: `import { createMain } from './src/_lib/cloudbase-entry';\nimport { ${name} } from './src/${name}';\nexport const main = createMain(${name});\n`,
        resolveDir: root,
        loader: 'ts',
        sourcefile: `${name}-entry.ts`,
      },
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      outfile: join(dir, 'index.js'),
      external: Object.keys(EXTERNAL),
      legalComments: 'none',
      logLevel: 'warning',
    });
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: `linli-${name}`, version: '0.1.0', private: true, main: 'index.js', dependencies: EXTERNAL }, null, 2)}\n`,
    );
  }
  return names;
}

if (require.main === module) {
  buildFunctions().then(
    (names) =>
      process.stdout.write(`built ${names.length} functions into cloudfunctions/dist: ${names.join(', ')}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
