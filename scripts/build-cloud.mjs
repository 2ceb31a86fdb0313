// Bundles the cloud functions for WeChat Cloud Development, and the local cloud server.
//   dist/cloudfunctions/<name>/{index.js,package.json,config.json}   (wx-server-sdk stays external)
//   dist/local/server.js                                              (better-sqlite3 stays external)
// Usage: node scripts/build-cloud.mjs [--local-only]
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functions } from './cloud-functions.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
const localOnly = process.argv.includes('--local-only');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
  tsconfig: join(root, 'tsconfig.node.json'),
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    // The cron function accepts only its own trigger, by the name config.json gives it.
    __CRON_TRIGGER__: JSON.stringify(functions.cron.config.triggers[0].name),
  },
  legalComments: 'none',
};

const started = Date.now();
if (!localOnly) {
  for (const [name, fn] of Object.entries(functions)) {
    const out = join(root, 'dist', 'cloudfunctions', name);
    await mkdir(out, { recursive: true });
    await build({
      ...common,
      entryPoints: [join(root, 'cloudfunctions', 'functions', name, 'index.ts')],
      outfile: join(out, 'index.js'),
      // The CloudBase Node.js 16 runtime; wx-server-sdk is installed there from package.json.
      target: 'node16',
      external: ['wx-server-sdk'],
      minify: false,
    });
    await writeFile(
      join(out, 'package.json'),
      JSON.stringify(
        {
          name,
          version: pkg.version,
          private: true,
          description: fn.description,
          main: 'index.js',
          dependencies: { 'wx-server-sdk': '~3.0.1' },
        },
        null,
        2,
      ) + '\n',
    );
    await writeFile(join(out, 'config.json'), JSON.stringify(fn.config, null, 2) + '\n');
  }
}

await mkdir(join(root, 'dist', 'local'), { recursive: true });
await build({
  ...common,
  entryPoints: [join(root, 'cloudfunctions', 'local', 'main.ts')],
  outfile: join(root, 'dist', 'local', 'server.js'),
  target: 'node20',
  external: ['better-sqlite3'],
  sourcemap: true,
});

console.log(
  `build:cloud ${localOnly ? 'dist/local' : 'dist/cloudfunctions/{' + Object.keys(functions).join(',') + '} + dist/local'} in ${Date.now() - started} ms`,
);
