import type { FileRef } from '@core/files/uploads';
import type { Files } from '../../ports';
import { fileIdPath } from '@core/files/access';

/** Leading bytes of the formats users may upload; WeChat storage itself takes any bytes. */
const SIGNATURES: Record<string, readonly number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  // xlsx and docx are zip files.
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
};

export interface UploadRule {
  /** The folder the server chose for this caller's uploads. */
  prefix: string;
  maxBytes: number;
  types: readonly string[];
  /** Messages for the form, in Chinese. */
  messages: { missing: string; tooLarge: string; wrongType: string };
}

/**
 * A file a form refers to must be an upload of this caller's, under the folder the server chose, as
 * this environment names it (the fileId is rebuilt from the path: a client's cloud:// id is never
 * trusted), within the size limit and of an allowed type by its bytes. A new file breaking the rules is
 * removed. `accepted` lists fileIds already checked (on the stored record), which are not read again.
 */
export async function checkUploadedFile(
  files: Files,
  ref: FileRef,
  rule: UploadRule,
  accepted: readonly string[] = [],
): Promise<FileRef | string> {
  const path = fileIdPath(ref.fileId);
  if (path === null || !path.startsWith(rule.prefix) || path.includes('..')) return rule.messages.missing;
  const fileId = await files.fileIdFor(path);
  if (accepted.includes(fileId)) return { ...ref, fileId };
  const stat = await files.stat(fileId);
  if (stat === null) return rule.messages.missing;
  let problem: string | null = null;
  if (stat.size > rule.maxBytes) problem = rule.messages.tooLarge;
  else {
    const head = (await files.read(fileId)).subarray(0, 8);
    const ok = rule.types.some((type) =>
      (SIGNATURES[type] ?? []).some((signature) => signature.every((byte, i) => head[i] === byte)),
    );
    if (!ok) problem = rule.messages.wrongType;
  }
  if (problem !== null) {
    await files.remove(fileId);
    return problem;
  }
  return { ...ref, fileId, size: stat.size };
}
