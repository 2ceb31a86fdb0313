// Jest takes testTimeout only at the top level, not per project: the app project sets its own here. Waits cap at
// 5 s (setup.ts) and a test may wait several times, so a loaded CI machine needs more than Jest's default 5 s.
jest.setTimeout(30_000);
