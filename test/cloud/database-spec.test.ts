import spec from '../../cloudfunctions/database/collections.json';
import { C } from '../../cloudfunctions/usecases/collections';

test('every collection the code uses is declared with indexes and closed security rules (the released live projection read-only)', () => {
  const declared = spec.collections.map((c) => c.name).sort();
  expect(declared).toEqual(Object.values(C).sort());
  for (const collection of spec.collections) {
    // Clients never touch the database directly: everything goes through the api function. The one exception is
    // the big screen's projection, which holds only what the host released and which clients watch().
    expect(collection.rules).toEqual({ read: collection.name === C.liveScreens, write: false });
    for (const index of collection.indexes) {
      expect(index.keys.length).toBeGreaterThan(0);
      for (const key of index.keys) expect(['asc', 'desc']).toContain(key.direction);
    }
  }
});
