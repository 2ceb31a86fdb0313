import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The key that signs the live log's checkpoints: Ed25519, so anyone holding the public key (in every export,
 * its id in the README) can check a checkpoint and no one without the cloud's private key can make one.
 * Production: LIVE_SIGNING_KEY (PKCS#8 PEM) in the function's environment. The local cloud uses a fixed
 * development key, public on purpose (its id is in the README), so exports made locally verify too.
 */
export interface LiveSigner {
  keyId: string;
  publicKeyPem: string;
  sign(payload: string): string;
}

/** The development key's seed: NOT a secret; never configure it in production. */
const DEV_SEED = createHash('sha256').update('chuangke-contest local development live-log key').digest();
// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** First 16 hex digits of the SHA-256 of the public key (SPKI DER): what the README publishes. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function signerFor(privateKey: KeyObject): LiveSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('LIVE_SIGNING_KEY must be an Ed25519 private key');
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64'),
  };
}

export function devSigner(): LiveSigner {
  return signerFor(
    createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, DEV_SEED]), format: 'der', type: 'pkcs8' }),
  );
}

/**
 * The signer for this runtime: the configured PEM, the development key locally, and in the cloud without a
 * key one that refuses (a checkpoint signed with a public key would prove nothing).
 */
export function liveSigner(pem: string | null | undefined, runtime: 'local' | 'cloud'): LiveSigner {
  if (pem) return signerFor(createPrivateKey(pem.replace(/\\n/g, '\n')));
  if (runtime === 'local') return devSigner();
  return {
    keyId: 'unconfigured',
    publicKeyPem: '',
    sign() {
      throw new Error('LIVE_SIGNING_KEY is not configured (an Ed25519 PKCS#8 PEM)');
    },
  };
}

export function verifySignature(payload: string, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(payload, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
