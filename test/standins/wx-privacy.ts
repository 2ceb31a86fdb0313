/**
 * WeChat's privacy agreement as the client enforces it, for the mini-program harness: the APIs that read the
 * user's data wait for the app's own prompt once the app listens with `wx.onNeedPrivacyAuthorization`.
 *
 * What it follows (developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html
 * and wx.requirePrivacyAuthorize.html, the 小程序隐私协议开发指南):
 *  - a privacy API called before the user agreed, with a listener registered, calls the listener with
 *    `(resolve, { referrer })` and stays pending;
 *  - `resolve({ event: 'exposureAuthorization' })` reports the prompt shown (the call stays pending);
 *  - `resolve({ event: 'agree', buttonId })` lets the call go on, "基础库会检查对应的同意按钮是否被点击过": only
 *    after the `<button open-type="agreePrivacyAuthorization">` with that id was tapped; after that the user has
 *    agreed and later calls go straight through;
 *  - `resolve({ event: 'disagree' })` fails the call with "API:fail privacy permission is not authorized";
 *  - without a listener WeChat shows its own prompt: a page of ours must never get there, so it throws here.
 */
type Options = {
  success?: (res: unknown) => void;
  fail?: (res: unknown) => void;
  complete?: (res: unknown) => void;
};
type Resolve = (option: { event: string; buttonId?: string }) => void;
type Listener = (resolve: Resolve, info: { referrer: string }) => void;

export interface PrivacyStandin {
  agreed: boolean;
  exposures: number;
  guideOpened: number;
  /** Calls made to each privacy API (pending ones included). */
  calls: Record<string, number>;
  /** What the agreePrivacyAuthorization button's tap does in WeChat (the test then fires its bound event). */
  tapAgreeButton(id: string): void;
}

/**
 * Installs on `wx` the listener registration, openPrivacyContract and the given privacy APIs; `answer` says how
 * each API ends once it may run (e.g. a cancelled chooser).
 */
export function installPrivacy(
  wx: Record<string, unknown>,
  answer: Record<string, (options: Options) => { ok: boolean; res: Record<string, unknown> }>,
): PrivacyStandin {
  let listener: Listener | null = null;
  const tapped = new Set<string>();
  const state: PrivacyStandin = {
    agreed: false,
    exposures: 0,
    guideOpened: 0,
    calls: {},
    tapAgreeButton: (id) => tapped.add(id),
  };
  const finish = (options: Options, ok: boolean, res: unknown) => {
    // WeChat answers later, never inside the call.
    setTimeout(() => {
      (ok ? options.success : options.fail)?.(res);
      options.complete?.(res);
    }, 0);
  };
  // "当接口参数 Object 对象中不包含 success/fail/complete 时将默认返回 promise" (the async APIs' promise style,
  // which Taro relies on for the APIs it does not wrap itself, such as chooseMessageFile and chooseMedia).
  const promised = (options: Options, call: (options: Options) => void): Promise<unknown> | undefined => {
    if (options.success || options.fail || options.complete) {
      call(options);
      return undefined;
    }
    return new Promise((resolve, reject) => call({ ...options, success: resolve, fail: reject }));
  };
  wx.onNeedPrivacyAuthorization = (fn: Listener) => {
    listener = fn;
  };
  wx.openPrivacyContract = (options: Options = {}) => {
    state.guideOpened += 1;
    finish(options, true, { errMsg: 'openPrivacyContract:ok' });
  };
  for (const [api, run] of Object.entries(answer)) {
    wx[api] = (given: Options = {}) =>
      promised(given, (options) => {
        state.calls[api] = (state.calls[api] ?? 0) + 1;
        const go = () => {
          const { ok, res } = run(options);
          finish(options, ok, { errMsg: `${api}:${ok ? 'ok' : 'fail'}`, ...res });
        };
        if (state.agreed) return go();
        if (listener === null) throw new Error(`${api} called with no onNeedPrivacyAuthorization listener`);
        let settled = false;
        listener(
          (option) => {
            if (option.event === 'exposureAuthorization') {
              state.exposures += 1;
              return;
            }
            if (settled) return;
            settled = true;
            if (option.event === 'agree' && option.buttonId !== undefined && tapped.has(option.buttonId)) {
              state.agreed = true;
              go();
              return;
            }
            finish(options, false, { errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 });
          },
          { referrer: api },
        );
      });
  }
  return state;
}
