// npm run deploy:cloud — builds the cloud functions and deploys them to a CloudBase environment with
// @cloudbase/cli (functions, timer trigger, environment variables, timeout), reading API keys from
// secrets/cloudbase.json or the environment. `--dry-run` only builds and writes dist/cloudbaserc.json.
//
// secrets/cloudbase.json (git-ignored):
//   { "envId": "…", "secretId": "AKID…", "secretKey": "…", "adminOpenids": "o…,o…", "idHashKey": "<32+ random chars>",
//     "liveSigningKey": "-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----\n",
//     "templates": { "TEMPLATE_JUDGE_TASK": "<subscription template id>", "TEMPLATE_ANNOUNCEMENT": "…", … } }
// or environment: CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY, ADMIN_OPENIDS, ID_HASH_KEY, LIVE_SIGNING_KEY,
// TEMPLATE_<KIND> (the README lists the eight kinds and the fields each template needs)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './lib.mjs';
import { functions } from './cloud-functions.mjs';

const dryRun = process.argv.includes('--dry-run');
const secretsFile = join(root, 'secrets', 'cloudbase.json');
const secrets = existsSync(secretsFile) ? JSON.parse(readFileSync(secretsFile, 'utf8')) : {};
const envId = process.env.CLOUDBASE_ENV_ID ?? secrets.envId;
const secretId = process.env.TENCENTCLOUD_SECRETID ?? secrets.secretId;
const secretKey = process.env.TENCENTCLOUD_SECRETKEY ?? secrets.secretKey;
const adminOpenids = process.env.ADMIN_OPENIDS ?? secrets.adminOpenids ?? '';
// Keys the hash of makers' ID numbers; changing it later breaks duplicate detection, so keep it safe.
const idHashKey = process.env.ID_HASH_KEY ?? secrets.idHashKey ?? '';
// Signs the live final's log checkpoints (Ed25519 PKCS#8 PEM); without it the cloud refuses to reveal on stage.
const liveSigningKey = process.env.LIVE_SIGNING_KEY ?? secrets.liveSigningKey ?? '';
// The subscription templates, one per kind of message (core/notify/templates.ts): both functions send them.
const templates = Object.fromEntries(
  [...Object.entries(secrets.templates ?? {}), ...Object.entries(process.env)].filter(
    ([name, value]) => /^TEMPLATE_[A-Z_]+$/.test(name) && typeof value === 'string' && value !== '',
  ),
);

const missing = [
  [envId, '云开发环境 ID（CLOUDBASE_ENV_ID 或 secrets/cloudbase.json 的 envId）'],
  [idHashKey.length >= 32 ? idHashKey : '', '身份证号哈希密钥，至少 32 个字符（ID_HASH_KEY 或 idHashKey）'],
  ...(dryRun
    ? []
    : [
        [secretId, '腾讯云 API 密钥 SecretId（TENCENTCLOUD_SECRETID 或 secretId）'],
        [secretKey, '腾讯云 API 密钥 SecretKey（TENCENTCLOUD_SECRETKEY 或 secretKey）'],
      ]),
].filter(([value]) => !value);
if (missing.length > 0) {
  console.error('无法部署，缺少：\n' + missing.map(([, what]) => `  - ${what}`).join('\n'));
  console.error('密钥在 腾讯云控制台 → 访问管理 → API 密钥管理 创建；请勿提交到仓库。');
  process.exit(2);
}
if (adminOpenids === '') console.warn('提示：未设置 ADMIN_OPENIDS，部署后将没有组委会账号。');
if (liveSigningKey === '')
  console.warn('提示：未设置 LIVE_SIGNING_KEY（Ed25519 私钥），现场决赛将无法亮分（日志检查点需要签名）。');
if (Object.keys(templates).length === 0) {
  console.warn(
    '提示：未设置任何 TEMPLATE_<类型> 订阅消息模板 ID，所有通知只会进入小程序内的「消息」，不会推送到微信。',
  );
}

const built = await run(process.execPath, [join(root, 'scripts', 'build-cloud.mjs')]);
if (built !== 0) process.exit(built);

const rc = {
  version: '2.0',
  envId,
  functionRoot: './cloudfunctions',
  functions: Object.entries(functions).map(([name, fn]) => ({
    name,
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    runtime: 'Nodejs16.13',
    installDependency: true,
    handler: 'index.main',
    envVariables: {
      ADMIN_OPENIDS: adminOpenids,
      ID_HASH_KEY: idHashKey,
      // A PEM travels as one line: the function turns \n back into newlines (usecases/live/signing.ts).
      ...(name === 'api' && liveSigningKey !== '' ? { LIVE_SIGNING_KEY: liveSigningKey.replace(/\n/g, '\\n') } : {}),
      ...templates,
    },
    ...(fn.config.triggers ? { triggers: fn.config.triggers } : {}),
  })),
};
const rcFile = join(root, 'dist', 'cloudbaserc.json');
writeFileSync(rcFile, JSON.stringify(rc, null, 2) + '\n');
console.log(`已生成 ${rcFile}`);

const cli = ['--yes', '@cloudbase/cli@2'];
const steps = [
  ['login', '--apiKeyId', secretId ?? '<SecretId>', '--apiKey', '<SecretKey>'],
  ...Object.keys(functions).map((name) => ['fn', 'deploy', name, '--force', '-e', envId]),
  ...Object.entries(functions)
    .filter(([, fn]) => fn.config.triggers)
    .map(([name]) => ['fn', 'trigger', 'create', name, '-e', envId]),
];
if (dryRun) {
  console.log('（演练）将在 dist/ 下依次执行：');
  for (const step of steps) console.log(`  npx ${cli.join(' ')} ${step.join(' ')}`);
  process.exit(0);
}
for (const step of steps) {
  const args = step[0] === 'login' ? ['login', '--apiKeyId', secretId, '--apiKey', secretKey] : step;
  const code = await run('npx', [...cli, ...args], { cwd: join(root, 'dist') });
  if (code !== 0) {
    console.error(`部署失败：${step.slice(0, 3).join(' ')}（退出码 ${code}）`);
    process.exit(code);
  }
}
console.log(
  '云函数已部署。openapi 权限（订阅消息、内容安全）请在微信开发者工具中对 api、cron 执行“上传并部署”以应用 config.json，详见 README。',
);
