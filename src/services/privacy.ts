/**
 * WeChat's privacy agreement (用户隐私保护指引, required since 2023-10): the first call of an API that reads the
 * user's data (a chat file, a photo, the clipboard, the nickname box) waits until the user agrees in our prompt.
 * `wx.onNeedPrivacyAuthorization` hands us that wait; PageShell shows PrivacyPrompt while one is pending, and
 * the prompt answers it (agree only from a tap on the `agreePrivacyAuthorization` button, as WeChat checks).
 * A refusal fails the waiting call with `…:fail privacy permission is not authorized`: `pickerFailure`
 * (services/picker-failure.ts, loaded only by the subpackages that pick or copy) says so.
 */
import Taro from '@tarojs/taro';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;
type Listener = (resolve: Resolve, info: { referrer: string }) => void;

/** The id of the prompt's agree button: WeChat checks that the button with this id was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree';

let pending: { resolve: Resolve; exposed: boolean } | null = null;
const watchers = new Set<(waiting: boolean) => void>();

function settle(next: typeof pending): void {
  pending = next;
  for (const watch of watchers) watch(next !== null);
}

/** At app start (WeChat only; a base library before 2.32.3 has no listener and shows WeChat's own prompt). */
export function installPrivacyListener(): void {
  const listen = (Taro as unknown as { onNeedPrivacyAuthorization?: (listener: Listener) => void })
    .onNeedPrivacyAuthorization;
  if (typeof listen !== 'function') return;
  listen((resolve) => settle({ resolve, exposed: false }));
}

/** Whether a privacy API waits for the user's answer; `watch` hears every change. */
export function followPrivacy(watch: (waiting: boolean) => void): () => void {
  watchers.add(watch);
  watch(pending !== null);
  return () => watchers.delete(watch);
}

/** The prompt is on screen: WeChat counts the exposure once per wait. */
export function privacyShown(): void {
  if (!pending || pending.exposed) return;
  pending.exposed = true;
  pending.resolve({ event: 'exposureAuthorization' });
}

export function answerPrivacy(agree: boolean): void {
  const waiting = pending;
  settle(null);
  waiting?.resolve(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
}

export function openPrivacyGuide(): void {
  Taro.openPrivacyContract({
    fail: () => void Taro.showToast({ title: '无法打开隐私保护指引', icon: 'none' }),
  });
}
