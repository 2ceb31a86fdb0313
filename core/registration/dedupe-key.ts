import { creditCodeProblem, normalizeCreditCode } from './credit-code';

/**
 * The natural document id that makes "one entry per edition" a uniqueness conflict on insert: every contest
 * of an edition writes the same key for the same entrant, so a second registration anywhere in the edition
 * fails inside the insert itself, with no read-then-write race (see DESIGN.md, "A natural `_id`").
 *
 * - enterprise: `<editionId>:credit:<统一社会信用代码>` (normalised, so `9135 0100…` and full-width input collide);
 * - maker: `<editionId>:maker:<idHash>`. The ID number itself never leaves the cloud function: the caller
 *   hashes `normalizeIdNumber(id)` with a keyed hash (HMAC-SHA-256 with a server secret: 18-digit ID
 *   numbers have too little entropy for a plain hash to hide them) and passes the hex digest.
 *
 * The identity parts contain no `:`, so a key reads unambiguously from the right even if an edition id has one.
 */
export type EntrantIdentity = { group: 'enterprise'; creditCode: string } | { group: 'maker'; idHash: string };

const MAX_KEY_LENGTH = 128;
const EDITION_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
/** 128 to 256 bits of a digest (HMAC-SHA-256 gives 64 hex), in hex: long enough that two people never share one. */
const ID_HASH = /^[0-9a-f]{32,64}$/;

export function entryKeyId(editionId: string, identity: EntrantIdentity): string {
  if (typeof editionId !== 'string' || !EDITION_ID.test(editionId)) {
    throw new RangeError(`届次编号格式不正确：${String(editionId)}`);
  }
  let key: string;
  if (identity?.group === 'enterprise') {
    const problem = creditCodeProblem(identity.creditCode);
    if (problem !== null) throw new RangeError(problem);
    key = `${editionId}:credit:${normalizeCreditCode(identity.creditCode)}`;
  } else if (identity?.group === 'maker') {
    // Hex is case-insensitive; one spelling so that the same digest is always the same key.
    const idHash = typeof identity.idHash === 'string' ? identity.idHash.trim().toLowerCase() : '';
    if (!ID_HASH.test(idHash)) throw new RangeError('身份证号码摘要应为32到64位十六进制字符');
    key = `${editionId}:maker:${idHash}`;
  } else {
    throw new RangeError('参赛主体应为企业组（统一社会信用代码）或创客组（身份证号码摘要）');
  }
  if (key.length > MAX_KEY_LENGTH) throw new RangeError(`报名唯一键超过 ${MAX_KEY_LENGTH} 个字符：${key}`);
  return key;
}
