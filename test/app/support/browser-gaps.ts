/**
 * Browser APIs jsdom lacks and Taro's H5 components use. Import for its effect in tests whose pages use
 * them: Image with lazyLoad watches itself with an IntersectionObserver; here every image counts as in
 * view at once, as on a short phone page.
 */
class InViewObserver {
  constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean; target: Element }>) => void) {}
  observe(target: Element): void {
    this.callback([{ isIntersecting: true, target }]);
  }
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver === 'undefined') {
  Object.assign(globalThis, { IntersectionObserver: InViewObserver });
}

export {};
