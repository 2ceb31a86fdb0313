/**
 * @jest-environment jsdom
 *
 * WeChat's privacy agreement in the built mini-program, in miniprogram-simulate against the real local cloud,
 * with WeChat's enforcement stood in (test/standins/wx-privacy.ts): the entrant taps 选择 PDF 文件 on the
 * registration form before agreeing; the app's own prompt (隐私保护提示) comes up over the page and is reported
 * shown; 不同意 fails the chooser and the form says 需要同意隐私保护指引后才能选择文件; the guide opens from the
 * prompt; 同意 (the agreePrivacyAuthorization button) lets the chooser run, and later taps go straight to it.
 * Needs `npm run build:weapp` first.
 */
import { installPrivacy, type PrivacyStandin } from '../standins/wx-privacy';
import { startTestCloud, type CallRecorder, type TestCloud } from './support/local-cloud';
import { coldStartPage, waitUntil, type RenderedPage } from './support/mini-runtime';

/** The prompt's agree button id (AGREE_BUTTON_ID in src/services/privacy.ts, which imports Taro's ES module). */
const AGREE_BUTTON_ID = 'privacy-agree';

interface Tappable {
  dispatchEvent(name: string): void;
}

let cloud: TestCloud;
let privacy: PrivacyStandin;

beforeAll(async () => {
  cloud = await startTestCloud();
}, 60_000);
afterAll(() => cloud.close());

beforeEach(() => {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  // The user closes WeChat's file chooser once it opens: the form stays as it was, nothing said.
  privacy = installPrivacy(wx, {
    chooseMessageFile: () => ({ ok: false, res: { errMsg: 'chooseMessageFile:fail cancel' } }),
  });
});

function tap(page: RenderedPage, selector: string, event = 'tap'): void {
  const node = page.querySelector(selector) as Tappable | undefined;
  if (!node) throw new Error(`${selector} is not on the page`);
  node.dispatchEvent(event);
}

test('choosing the business plan waits for the prompt; 不同意 is said on the form, 同意 lets the chooser run', async () => {
  const token = await cloud.signIn('entrant2');
  const home = (await cloud.call(token, 'home.get')).data as { contests: Array<{ id: string; groups: string[] }> };
  const contest = home.contests[0];
  const record: CallRecorder = { calls: [], inFlight: 0 };
  const opened = coldStartPage(
    'entrant/pages/register/index',
    { contestId: contest?.id ?? '', group: contest?.groups[0] ?? 'enterprise' },
    cloud.callFunctionFor(token, record),
  );
  const page = opened.page;
  const has = (selector: string) => page.querySelector(selector) !== undefined;
  const text = () => page.dom?.textContent ?? '';
  try {
    await waitUntil('the registration form', () => has('.upload-plan') && record.inFlight === 0, 10_000);
    expect(has('.privacy-prompt')).toBe(false);

    tap(page, '.upload-plan');
    await waitUntil('the privacy prompt', () => has('.privacy-prompt'));
    expect(text()).toContain('隐私保护提示');
    expect(privacy).toMatchObject({ exposures: 1, calls: { chooseMessageFile: 1 }, agreed: false });
    tap(page, '.privacy-prompt__link');
    await waitUntil('the privacy guide opened', () => privacy.guideOpened === 1);

    tap(page, '.privacy-refuse');
    await waitUntil('the refusal on the form', () => has('.file-picker-refused') && !has('.privacy-prompt'));
    expect(text()).toContain('需要同意隐私保护指引后才能选择文件');

    tap(page, '.upload-plan');
    await waitUntil('the prompt again', () => has('.privacy-prompt') && !has('.file-picker-refused'));
    privacy.tapAgreeButton(AGREE_BUTTON_ID);
    tap(page, '.privacy-agree', 'agreeprivacyauthorization');
    await waitUntil('the prompt closed and the chooser run', () => !has('.privacy-prompt') && privacy.agreed);
    expect(privacy.exposures).toBe(2);
    expect(has('.file-picker-refused')).toBe(false);

    // Agreed once: the next tap opens the chooser without a prompt.
    tap(page, '.upload-plan');
    await waitUntil('the chooser called again', () => privacy.calls.chooseMessageFile === 3);
    expect(has('.privacy-prompt')).toBe(false);
    expect(opened.probe.errors).toEqual([]);
  } finally {
    opened.close();
  }
});
