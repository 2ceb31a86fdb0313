import type { IncomingMessage } from 'node:http';

/**
 * How much of an oversize body the server reads and throws away before answering. A server that
 * answers 413 and closes while the client is still sending makes most clients (browsers, Node's
 * fetch) see a connection reset instead of the answer; reading the rest lets them read the 413.
 * Past this, the sender is not worth waiting for and the socket is dropped.
 */
export const DRAIN_CAP_BYTES = 64 * 1024 * 1024;

export interface BodyRead {
  /** The first `keepBytes` bytes of the body (all of it when it was that short). */
  kept: Buffer;
  /** How many bytes the body had in all. */
  size: number;
}

/**
 * Reads a request body to its end, keeping only its first `keepBytes` bytes so an oversize body costs
 * no memory. Resolves null when the body ran past the drain cap (or declared it would): the socket has
 * then been destroyed and nothing can be answered.
 */
export async function readBody(
  req: IncomingMessage,
  keepBytes: number,
  drainCapBytes = Math.max(DRAIN_CAP_BYTES, keepBytes),
): Promise<BodyRead | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > drainCapBytes) {
    req.socket.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let kept = 0;
  let size = 0;
  // No break out of this loop short of the cap: leaving a for-await early destroys the request, and
  // with it the socket the answer has to go out on.
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > drainCapBytes) {
      req.socket.destroy();
      return null;
    }
    if (kept < keepBytes) {
      const part = buffer.length <= keepBytes - kept ? buffer : buffer.subarray(0, keepBytes - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { kept: Buffer.concat(chunks), size };
}
