/** The upload service's checks come before any call: a wrong file never costs a round trip. */
import { CloudError } from '../../src/services/cloud';
import { businessPlanFileProblem, uploadBusinessPlan, type PickedFile } from '../../src/services/upload';
import { stubFetch, type FetchStub } from './support/fetch-stub';

let stub: FetchStub | undefined;
afterEach(() => stub?.restore());

const MB = 1024 * 1024;

function picked(name: string, size: number, type = 'application/pdf'): PickedFile {
  // The size is what the picker reports; the bytes themselves are never read before the checks.
  return { name, size, type, blob: new Blob(['%PDF-1.4']) };
}

async function refusal(file: PickedFile): Promise<CloudError> {
  const error: unknown = await uploadBusinessPlan('demo-sh', file).then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

test('a 21 MB PDF is refused with a Chinese message before files.upload.prepare', async () => {
  stub = stubFetch({});
  const error = await refusal(picked('商业计划书.pdf', 21 * MB));
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.message).toBe('商业计划书不能超过 20 MB（所选文件 21.0 MB）');
  expect(error.details).toEqual({ businessPlan: '商业计划书不能超过 20 MB（所选文件 21.0 MB）' });
  expect(stub.calls).toHaveLength(0);
});

test('a file that is not a PDF (by name or by type) is refused before files.upload.prepare', async () => {
  stub = stubFetch({});
  expect((await refusal(picked('商业计划书.docx', MB))).message).toBe('商业计划书只接受 PDF 文件');
  expect((await refusal(picked('商业计划书.pdf', MB, 'image/png'))).message).toBe('商业计划书只接受 PDF 文件');
  expect((await refusal(picked('空文件.pdf', 0))).message).toBe('文件为空，请重新选择');
  expect(stub.calls).toHaveLength(0);
});

test('exactly 20 MB, or a PDF the system reports without a type, is accepted', () => {
  expect(businessPlanFileProblem({ name: 'a.pdf', size: 20 * MB, type: 'application/pdf' })).toBeNull();
  expect(businessPlanFileProblem({ name: 'B.PDF', size: 1, type: '' })).toBeNull();
  expect(businessPlanFileProblem({ name: 'a.pdf', size: 20 * MB + 1 })).toContain('不能超过 20 MB');
});
