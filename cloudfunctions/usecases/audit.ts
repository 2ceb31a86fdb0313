import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../ports';
import { C, type AuditAction, type AuditDoc } from './collections';

/** One decision on the record: who, what, before, after, why, when (organizers read them per entry and round). */
export interface AuditRecord {
  contestId: string | null;
  roundId?: string | null;
  entryId?: string | null;
  actorOpenid: string;
  actorName: string;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  at: string;
  /** A natural id makes the record part of an idempotent step (a retried transaction writes it once). */
  id?: string;
}

function auditDoc(a: AuditRecord): AuditDoc {
  const text = (value: unknown) =>
    value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);
  return {
    _id: a.id ?? randomUUID(),
    entryId: a.entryId ?? null,
    contestId: a.contestId,
    roundId: a.roundId ?? null,
    actorOpenid: a.actorOpenid,
    actorName: a.actorName,
    action: a.action,
    before: text(a.before),
    after: text(a.after),
    reason: a.reason ?? null,
    at: a.at,
  };
}

/** The one way an audit record is written, alone or inside the transaction of the decision it records. */
export async function writeAudit(db: Db, audit: AuditRecord): Promise<void> {
  await db.collection<AuditDoc>(C.audits).create(auditDoc(audit));
}

export async function writeAuditTx(tx: Tx, audit: AuditRecord): Promise<void> {
  await tx.create<AuditDoc>(C.audits, auditDoc(audit));
}
