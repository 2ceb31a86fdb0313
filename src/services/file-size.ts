/**
 * File sizes for people. Apart from upload.ts so the pages that only show a size (文章附件 in the main package,
 * the judge's materials) don't carry the upload code with them.
 */

/** `3.4 MB` / `812 KB`. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
