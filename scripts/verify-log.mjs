// npm run verify-log -- <file.json>: checks an exported live-final log (决赛评分日志) with node:crypto.
// Bundles scripts/verify-log-cli.ts (it imports core/live/chain.ts through the @core/* alias of
// tsconfig.node.json) into .cache/verify-log/ with esbuild, as bench/index.mjs bundles its TypeScript
// benches, then runs it. Exit 0 OK, 1 FAILED (the first bad event named), 2 no file / unreadable / not JSON.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { root } from './lib.mjs';

const outDir = join(root, '.cache', 'verify-log');
const outfile = join(outDir, 'verify-log-cli.mjs');
mkdirSync(outDir, { recursive: true });
// Built on every run, so the check is always today's rules; written aside and renamed into place, so two
// runs at once never import a half-written bundle.
const result = await build({
  entryPoints: [join(root, 'scripts', 'verify-log-cli.ts')],
  outfile,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: join(root, 'tsconfig.node.json'),
  logLevel: 'warning',
});
const bundled = join(outDir, `verify-log-cli.${process.pid}.mjs`);
for (const file of result.outputFiles) {
  writeFileSync(file.path === outfile ? bundled : file.path, file.contents);
}
renameSync(bundled, outfile);

const { runVerifyLog } = await import(pathToFileURL(outfile).href);
process.exitCode = runVerifyLog(process.argv.slice(2));
