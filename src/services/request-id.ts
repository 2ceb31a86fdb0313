/**
 * A request id for idempotent writes (matches REQUEST_ID_PATTERN in core/wire.ts). Not a secret, only
 * unique enough that two taps never share one; the mini-program has no crypto.randomUUID.
 */
export function newRequestId(): string {
  const bytes = new Uint8Array(12);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let random = '';
  for (const byte of bytes) random += byte.toString(16).padStart(2, '0');
  return `${Date.now().toString(36)}-${random}`;
}
