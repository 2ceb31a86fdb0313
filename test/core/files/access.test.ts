import {
  FILE_KINDS,
  PUBLIC_FILE_KINDS,
  classifyFileId,
  classifyPath,
  entryFolder,
  exportFolder,
  fileIdPath,
  isPublicFileId,
  objectionFolder,
  storedSources,
} from '../../../core/files/access';

test('each folder the server writes names its kind and its owner', () => {
  expect(classifyPath(`${entryFolder('e-abc123')}plan-lq2-9f3e.pdf`)).toEqual({
    kind: 'businessPlan',
    entryId: 'e-abc123',
  });
  expect(classifyPath(`${objectionFolder('l-7', 'a1b2c3d4e5f60718')}x.png`)).toEqual({
    kind: 'objectionEvidence',
    listId: 'l-7',
    person: 'a1b2c3d4e5f60718',
  });
  expect(classifyPath(`${exportFolder('a1b2c3d4e5f60718')}entries-20261126.xlsx`)).toEqual({
    kind: 'export',
    person: 'a1b2c3d4e5f60718',
  });
  expect(classifyPath('news/img-lq2-9f3e.png')).toEqual({ kind: 'newsMedia' });
});

test('anything else, or a path that climbs, deepens or empties a folder, belongs to no one', () => {
  for (const path of [
    'entries/../news/img.png',
    'news/../entries/e-1/plan.pdf',
    'news/sub/img.png',
    'entries/e-1/sub/plan.pdf',
    'entries//plan.pdf',
    'entries/e-1/',
    'exports/old.xlsx',
    'objections/l-1/plan.pdf',
    'secret.key',
    'news/..',
    'news/a b.png',
    '/news/img.png',
    '',
  ]) {
    expect({ path, stored: classifyPath(path) }).toEqual({ path, stored: null });
  }
});

test('file ids of both stores carry the path; only news media is public', () => {
  expect(fileIdPath('local://news/img-1.png')).toBe('news/img-1.png');
  expect(fileIdPath('cloud://prod-1a2b.7072-prod-1a2b-1300000000/entries/e-1/plan.pdf')).toBe('entries/e-1/plan.pdf');
  expect(fileIdPath('https://example.com/news/img.png')).toBeNull();
  expect(isPublicFileId('cloud://env.bucket/news/img-1.png')).toBe(true);
  expect(isPublicFileId('cloud://env.bucket/entries/e-1/plan.pdf')).toBe(false);
  expect(isPublicFileId('local://exports/a1b2/entries.xlsx')).toBe(false);
  expect(classifyFileId('local://objections/l-1/p/x.pdf')?.kind).toBe('objectionEvidence');
  expect(PUBLIC_FILE_KINDS).toEqual(['newsMedia']);
  expect([...FILE_KINDS].sort()).toEqual(['businessPlan', 'export', 'newsMedia', 'objectionEvidence']);
});

test('an article body names its stored images once each; outside links are not stored files', () => {
  const html =
    '<p><img src="local://news/a.png"><img src="cloud://e.b/entries/e-1/p.pdf"><img src="local://news/a.png">' +
    '<img src="https://example.com/x.png"></p>';
  expect(storedSources(html)).toEqual(['local://news/a.png', 'cloud://e.b/entries/e-1/p.pdf']);
});
