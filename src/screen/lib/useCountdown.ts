import { useEffect, useState } from 'react';
import { remainingMs } from '@core/live/machine';
import type { LiveTimer } from '@core/live/types';
import { serverNow } from '../../services/server-clock';
import { timerText } from './screen-text';

/**
 * The timer on the screen, by the server's clock (the feed anchors it with every frame), re-read four times a
 * second while it runs so the digits turn within a quarter second of the true second; a render only when the
 * text changes. A paused timer does not tick.
 */
export function useCountdown(timer: LiveTimer | null): { text: string; over: boolean } | null {
  const read = () => (timer === null ? null : timerText(remainingMs(timer, serverNow())));
  const [shown, setShown] = useState(read);
  const running = timer !== null && timer.runningSince !== null;
  // The timer's fields, not the object: the feed hands a new object with every frame.
  const key =
    timer === null ? '' : `${timer.phase}|${timer.plannedMs}|${timer.extraMs}|${timer.elapsedMs}|${timer.runningSince}`;
  useEffect(() => {
    const update = () => {
      const next = timer === null ? null : timerText(remainingMs(timer, serverNow()));
      setShown((prev) => (prev?.text === next?.text && prev?.over === next?.over ? prev : next));
    };
    update();
    if (!running) return;
    const id = setInterval(update, 250);
    return () => clearInterval(id);
    // `key` stands for `timer`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, running]);
  return timer === null ? null : (shown ?? read());
}
