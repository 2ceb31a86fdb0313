import { exportFolder } from '@core/files/access';
import { randomBytes } from 'node:crypto';
import type { Ports } from '../../ports';
import { requireOpenid, type Caller } from '../context';
import { personKey, signedLink } from './file-links';

const LINK_SECONDS = 10 * 60;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Stores an export in the folder of the organizer who asked for it (only they may ever get a link to it:
 * some exports hold unmasked mobiles) and hands back a ten-minute link.
 */
export async function deliverExport(
  ports: Ports,
  caller: Caller,
  file: { name: string; fileName: string; rows: number; content: Uint8Array; kind?: 'xlsx' | 'json' },
): Promise<{ url: string; fileName: string; rows: number; expiresAt: string }> {
  const openid = requireOpenid(caller.openid);
  const safe = file.name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  const kind = file.kind ?? 'xlsx';
  const path = `${exportFolder(personKey(openid))}${safe}-${randomBytes(6).toString('hex')}.${kind}`;
  const stored = await ports.files.put(path, file.content, kind === 'xlsx' ? XLSX : 'application/json');
  const now = ports.clock.now();
  return {
    url: await signedLink(ports, caller, stored.fileId, LINK_SECONDS),
    fileName: file.fileName,
    rows: file.rows,
    expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString(),
  };
}
