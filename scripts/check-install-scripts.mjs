// Every dependency install script must be reviewed in package.json#allowScripts (npm's field, npm 11.16+):
// `"pkg": true` lets it run, `"pkg": false` denies it. npm 12 runs only allowed scripts; older npm runs them
// all. This check reads package-lock.json, so it gives the same answer on every npm and every platform.
//
//   node scripts/check-install-scripts.mjs [project-dir]   (default: the repository root)
//
// Fails (exit 1) when a locked package has an install script that allowScripts neither allows nor denies,
// when an allowScripts entry matches no locked package with an install script (a stale review), or when an
// entry is one npm would ignore (a range, a dist-tag, a value other than true / false).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    console.error(`check-install-scripts: cannot read ${join(dir, file)}: ${error.message}`);
    process.exit(1);
  }
}

const pkg = readJson('package.json');
const lock = readJson('package-lock.json');
const policy = pkg.allowScripts ?? {};
const problems = [];

if (typeof policy !== 'object' || Array.isArray(policy)) {
  console.error('check-install-scripts: package.json#allowScripts must be an object of "name": true | false');
  process.exit(1);
}
if (!lock.packages) {
  console.error('check-install-scripts: package-lock.json has no "packages" (lockfileVersion 2 or 3 needed)');
  process.exit(1);
}

const exactVersion = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** An allowScripts key as npm reads it: a registry name, optionally pinned to exact versions joined by `||`. */
function parseKey(key) {
  const at = key.indexOf('@', key.startsWith('@') ? 1 : 0);
  const name = at === -1 ? key : key.slice(0, at);
  const spec = at === -1 ? '' : key.slice(at + 1).trim();
  if (!/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name)) return { source: key };
  if (spec === '' || spec === '*') return { name, versions: null };
  const versions = spec.split('||').map((part) => part.trim());
  if (versions.every((version) => exactVersion.test(version))) {
    return { name, versions: versions.map((v) => v.replace(/^v/, '')) };
  }
  return { name, invalid: 'npm ignores ranges and dist-tags here: use the bare name or exact versions joined by "||"' };
}

const entries = [];
for (const [key, value] of Object.entries(policy)) {
  const parsed = parseKey(key);
  if (typeof value !== 'boolean') problems.push(`"${key}": ${JSON.stringify(value)} — the value must be true or false`);
  else if (parsed.invalid) problems.push(`"${key}" — ${parsed.invalid}`);
  else entries.push({ key, value, ...parsed, used: false });
}

/**
 * Who a locked package is, as npm's allowScripts matcher sees it: name and version from the registry URL in
 * `resolved`; without one (this lockfile is written without resolved URLs) the name only, so a pinned
 * `pkg@1.2.3` cannot be verified — npm then never lets a pinned allow match, while a pinned deny still blocks.
 */
function identity(path, meta) {
  const url = /^https?:\/\/[^/]+\/(.+)\/-\/[^/]+\.tgz(?:[?#].*)?$/.exec(meta.resolved ?? '');
  if (url) {
    const name = decodeURIComponent(url[1]);
    const file = meta.resolved
      .split('/')
      .pop()
      .replace(/\.tgz.*$/, '');
    const bare = name.split('/').pop();
    const version = file.startsWith(`${bare}-`) ? file.slice(bare.length + 1) : null;
    return { registry: true, name, version };
  }
  if (meta.resolved) return { registry: false, resolved: meta.resolved }; // git, file:, a tarball URL
  return { registry: true, name: meta.name ?? path.slice(path.lastIndexOf('node_modules/') + 13), version: null };
}

function matches(entry, id, meta) {
  if (entry.source !== undefined)
    return !id.registry && (entry.source === id.resolved || entry.source === meta.resolved);
  if (!id.registry || entry.name !== id.name) return false;
  if (entry.versions === null) return true;
  if (id.version === null) return entry.value === false; // unverifiable version: a deny blocks, an allow never matches
  return entry.versions.includes(id.version);
}

function scriptsOf(path) {
  try {
    const { scripts = {} } = JSON.parse(readFileSync(join(dir, path, 'package.json'), 'utf8'));
    return ['preinstall', 'install', 'postinstall']
      .filter((hook) => scripts[hook])
      .map((hook) => `${hook}: ${scripts[hook]}`)
      .join('; ');
  } catch {
    return ''; // not installed here (other platform, or before npm ci)
  }
}

const reviewed = [];
const unreviewed = [];
for (const [path, meta] of Object.entries(lock.packages)) {
  // The project and its workspaces run their own scripts; links point at an entry listed on its own;
  // npm never runs the scripts of bundled dependencies. Other platforms' packages are kept: they are
  // reviewed once for every machine.
  if (!meta.hasInstallScript || !path.includes('node_modules/') || meta.link || meta.inBundle) continue;
  const id = identity(path, meta);
  const hits = entries.filter((entry) => matches(entry, id, meta));
  for (const entry of hits) entry.used = true;
  const label = `${id.name ?? id.resolved}@${meta.version ?? '?'} (${path})`;
  if (hits.some((entry) => entry.value === false)) reviewed.push({ verdict: 'denied ', label, path });
  else if (hits.length > 0) reviewed.push({ verdict: 'allowed', label, path });
  else unreviewed.push({ label, pinned: entries.some((e) => e.name === id.name) });
}

if (unreviewed.length > 0) {
  problems.push(
    'install scripts not yet reviewed in package.json#allowScripts:',
    ...unreviewed.map(({ label, pinned }) => {
      const why = pinned
        ? ' — its allowScripts entry is pinned to another version, or the lockfile cannot verify one'
        : '';
      return `  ${label}${why}`;
    }),
    '  Read what each script does (the "scripts" of node_modules/<package>/package.json), then add',
    `  "<name>": true if the project needs it or "<name>": false if not (or: npm approve-scripts / npm deny-scripts <name>).`,
  );
}
const stale = entries.filter((entry) => !entry.used);
if (stale.length > 0) {
  problems.push(
    'allowScripts entries that match no package with an install script in package-lock.json (stale review; remove them):',
    ...stale.map((entry) => `  "${entry.key}": ${entry.value}`),
  );
}

if (problems.length > 0) {
  console.error(`check-install-scripts: FAILED\n${problems.join('\n')}`);
  process.exit(1);
}

console.log(
  `check-install-scripts: ${reviewed.length} locked packages with install scripts, all reviewed in allowScripts`,
);
for (const { verdict, label, path } of reviewed) {
  const scripts = scriptsOf(path);
  console.log(`  ${verdict}  ${label}${scripts ? `  ${scripts}` : ''}`);
}
