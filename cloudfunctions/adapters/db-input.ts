import { DbError } from '../ports';

/**
 * Checks of what use cases hand the Db port, shared by both adapters so the embedded store refuses
 * exactly what CloudBase would (and a test on the local cloud catches it before production does).
 */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const FIELD_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function invalid(collection: string, message: string): DbError {
  return new DbError('INVALID', collection, message);
}

export function duplicate(collection: string, id: string): DbError {
  return new DbError('DUPLICATE', collection, `${collection}/${id} already exists`, id);
}

export function checkCollectionName(name: string): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new DbError('INVALID', String(name), `bad collection name ${JSON.stringify(name)}`);
  }
  return name;
}

export function checkId(collection: string, id: unknown): string {
  if (typeof id !== 'string' || id.length === 0) throw invalid(collection, '_id must be a non-empty string');
  return id;
}

export function checkFieldPath(collection: string, path: string): void {
  if (!path.split('.').every((segment) => FIELD_SEGMENT.test(segment))) {
    throw invalid(collection, `bad field path ${JSON.stringify(path)}`);
  }
}

/** A top-level field a patch may set: never `_id`. */
export function checkPatchField(collection: string, field: string): void {
  if (field === '_id' || !FIELD_SEGMENT.test(field)) throw invalid(collection, `cannot patch field ${field}`);
}

export function checkCount(collection: string, what: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(collection, `${what} must be a non-negative integer`);
  return value;
}
