/**
 * verify-log: checks an exported live-final log (决赛评分日志, `LogExport` of core/live/chain.ts) on its own,
 * with node:crypto: the hash chain, every signed checkpoint (Ed25519 under the export's SPKI PEM public key),
 * every reveal recomputed from the score events before it, and the stored scores against the log.
 * Bundled and run by scripts/verify-log.mjs (`npm run verify-log -- <file.json>`).
 *
 * Exit 0: `OK …` with the counts, the full head hash, the key id and the public key's fingerprint (compare
 * it with the one published before the show: the export carries its own key). Exit 1: `FAILED 第 N 条事件：…`.
 * Exit 2: no file given, the file cannot be read, or it is not JSON.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LOG_FORMAT, verifyLog, type LogExport, type VerifyCrypto } from '@core/live/chain';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const console_: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function nodeCrypto(): VerifyCrypto {
  const keys = new Map<string, KeyObject | null>();
  const keyOf = (pem: string): KeyObject | null => {
    if (!keys.has(pem)) {
      try {
        keys.set(pem, createPublicKey(pem));
      } catch {
        keys.set(pem, null);
      }
    }
    return keys.get(pem) ?? null;
  };
  return {
    sha256: sha256Hex,
    verify(payload, signature, publicKey) {
      const key = typeof publicKey === 'string' ? keyOf(publicKey) : null;
      if (key === null || typeof signature !== 'string') return false;
      try {
        return verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** SHA-256 of the key's DER SPKI, in groups of 4 hex digits: what a person compares with the published one. */
function fingerprint(pem: unknown): string | null {
  if (typeof pem !== 'string') return null;
  try {
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    const hex = createHash('sha256').update(der).digest('hex');
    return hex.slice(0, 32).replace(/(.{4})(?=.)/g, '$1 ');
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs verify-log on `args` (the file path); returns the exit code. */
export function runVerifyLog(args: readonly string[], io: Output = console_): number {
  const file = args[0];
  if (file === undefined || file === '' || args.length > 1) {
    io.err('用法：npm run verify-log -- <日志文件.json>');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'ENOENT' ? `找不到日志文件：${file}` : `无法读取日志文件 ${file}：${code ?? (error as Error).message}`,
    );
    return 2;
  }
  let log: unknown;
  try {
    log = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    io.err(`日志文件不是有效的 JSON：${file}（${(error as Error).message}）`);
    return 2;
  }
  if (!isObject(log)) {
    io.out('FAILED 不是决赛评分日志：文件内容不是一个 JSON 对象');
    return 1;
  }
  // Another format is refused by verifyLog itself, by name; this one must have its three lists.
  const notLists = ['events', 'checkpoints', 'scores'].filter((k) => !Array.isArray(log[k]));
  if (log.format === LOG_FORMAT && notLists.length > 0) {
    io.out(`FAILED 日志结构无效：${notLists.join('、')} 应为列表`);
    return 1;
  }
  let result: ReturnType<typeof verifyLog>;
  try {
    result = verifyLog(log as unknown as LogExport, nodeCrypto());
  } catch (error) {
    // A file shaped well enough to pass the format check but not to be checked is not verified.
    io.out(`FAILED 日志结构无效，无法校验：${(error as Error).message}`);
    return 1;
  }
  if (!result.ok) {
    io.out(result.seq === null ? `FAILED ${result.reason}` : `FAILED 第 ${result.seq} 条事件：${result.reason}`);
    return 1;
  }
  const print = fingerprint(log.publicKey);
  // The key id is the start of the key's fingerprint (usecases/live/signing.ts keyIdOf): a swapped-in key cannot
  // keep the published id.
  const derivedId = print?.replace(/ /g, '').slice(0, 16) ?? null;
  if (derivedId !== log.keyId) {
    io.out(`FAILED 签名密钥编号 ${String(log.keyId)} 与日志中的公钥（${derivedId ?? '无法读取'}）不符：公钥被替换`);
    return 1;
  }
  io.out(
    `OK ${result.count} 条事件，${result.checkpoints} 个检查点，${result.reveals} 次亮分；日志头 ${result.head}；签名密钥 ${String(log.keyId)}` +
      (print === null ? '' : `（公钥指纹 ${print}）`),
  );
  const checkpoints = log.checkpoints as Array<{ count?: unknown }>;
  const signedUpTo = checkpoints.reduce((n, c) => (typeof c.count === 'number' && c.count > n ? c.count : n), 0);
  if (result.count > signedUpTo)
    io.out(
      signedUpTo === 0
        ? `注意：日志没有检查点，${result.count} 条事件都未经签名`
        : `注意：最后 ${result.count - signedUpTo} 条事件在最后一个检查点（第 ${signedUpTo} 条）之后，未经签名`,
    );
  return 0;
}

// Run directly (scripts/verify-log.mjs imports the bundle and calls runVerifyLog itself).
if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = runVerifyLog(process.argv.slice(2));
