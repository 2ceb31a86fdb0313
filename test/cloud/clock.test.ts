import { createAdjustableClock, systemClock } from '../../cloudfunctions/adapters/local/clock';

/** Real time under the test's control. */
function fakeReal(start: number) {
  let now = start;
  return { realNow: () => now, tick: (ms: number) => (now += ms) };
}

const T0 = Date.parse('2025-03-01T00:00:00Z');
const DEADLINE = new Date('2025-07-31T15:59:59Z');

describe('clocks', () => {
  it('systemClock reads real time', () => {
    const before = Date.now();
    const read = systemClock.now().getTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });

  it('follows real time with no offset by default', () => {
    const real = fakeReal(T0);
    const clock = createAdjustableClock(undefined, real);
    expect(clock.now().getTime()).toBe(T0);
    expect(clock.offsetMs).toBe(0);
    real.tick(1500);
    expect(clock.now().getTime()).toBe(T0 + 1500);
  });

  it('starts at the given date and keeps ticking from there', () => {
    const real = fakeReal(T0);
    const clock = createAdjustableClock(DEADLINE, real);
    expect(clock.now().toISOString()).toBe(DEADLINE.toISOString());
    real.tick(2000);
    expect(clock.now().getTime()).toBe(DEADLINE.getTime() + 2000);
    expect(clock.offsetMs).toBe(DEADLINE.getTime() - T0);
  });

  it('set and advance move the reading and the offset', () => {
    const real = fakeReal(T0);
    const clock = createAdjustableClock(undefined, real);
    clock.set(DEADLINE);
    expect(clock.now().getTime()).toBe(DEADLINE.getTime());
    clock.advance(1000);
    expect(clock.now().getTime()).toBe(DEADLINE.getTime() + 1000);
    clock.advance(-61_000);
    expect(clock.now().getTime()).toBe(DEADLINE.getTime() - 60_000);
    expect(clock.offsetMs).toBe(DEADLINE.getTime() - 60_000 - T0);
  });

  it('freeze stops the clock; advance and set still move it; unfreeze resumes from there', () => {
    const real = fakeReal(T0);
    const clock = createAdjustableClock(DEADLINE, real);
    clock.freeze();
    expect(clock.frozen).toBe(true);
    real.tick(10_000);
    expect(clock.now().getTime()).toBe(DEADLINE.getTime());
    clock.advance(500);
    expect(clock.now().getTime()).toBe(DEADLINE.getTime() + 500);
    clock.set(new Date(T0));
    expect(clock.now().getTime()).toBe(T0);
    clock.unfreeze();
    expect(clock.frozen).toBe(false);
    real.tick(250);
    expect(clock.now().getTime()).toBe(T0 + 250);
  });

  it('freezes at a given date', () => {
    const clock = createAdjustableClock(undefined, fakeReal(T0));
    clock.freeze(DEADLINE);
    expect(clock.now().getTime()).toBe(DEADLINE.getTime());
  });

  it('hands out fresh Date objects', () => {
    const clock = createAdjustableClock(new Date(T0), fakeReal(T0));
    clock.freeze();
    clock.now().setFullYear(1999);
    expect(clock.now().getTime()).toBe(T0);
  });

  it('refuses invalid dates and steps', () => {
    const clock = createAdjustableClock(undefined, fakeReal(T0));
    expect(() => clock.set(new Date('not a date'))).toThrow(/时钟/);
    expect(() => clock.advance(Number.NaN)).toThrow(/时钟/);
    expect(() => createAdjustableClock(new Date('nope'))).toThrow(/时钟/);
  });
});
