import { useState } from 'react';
import { liveCommandLabels, type LiveCommand } from '@core/live/machine';
import type { ConsoleSlotView, LiveConsoleView } from '@core/live/views';
import { useCloudAction } from '../../../../hooks/useCloudAction';
import { needsReason, refusalText } from './live-rules';

/** One tap on the console: a command, the contestant it is for (none for 公布排行榜), the seconds of 加时. */
export interface ControlTap {
  command: LiveCommand;
  slot: ConsoleSlotView | null;
  seconds?: number;
  /** Where the button is (`card:<entryId>`, `row:<entryId>`, `show`): a refusal is shown there. */
  origin: string;
}

export interface LiveControl {
  /** Sends the command, or first asks why when it needs a reason. */
  tap: (tap: ControlTap) => void;
  /** The command waiting for its reason (the dialog is open). */
  asking: ControlTap | null;
  confirm: (reason: string) => void;
  cancel: () => void;
  busy: boolean;
  /** The command on its way or the last one sent. */
  last: ControlTap | null;
  /** The last refusal in words, or null. */
  refusal: string | null;
  /** Where the refused command was tapped (its `origin`). */
  refusedAt: string | null;
}

/**
 * `admin.live.control` for the whole console: one command at a time; a command retried while its outcome is
 * unknown carries the same requestId (useCloudAction keys it by its input), so two taps move the show once.
 * The reason typed stays in the dialog when the cloud refuses it. A refusal means this console was behind (another
 * console, or a judge, moved the show): `onRefused` reads it again.
 */
export function useLiveControl(
  liveId: string,
  frozen: boolean,
  onAnswer: (view: LiveConsoleView) => void,
  onRefused: () => void,
): LiveControl {
  const control = useCloudAction('admin.live.control');
  const [asking, setAsking] = useState<ControlTap | null>(null);
  const [last, setLast] = useState<ControlTap | null>(null);

  const send = async (tap: ControlTap, reason?: string) => {
    if (control.busy) return;
    setLast(tap);
    const answer = await control.run({
      liveId,
      command: tap.command,
      ...(tap.slot ? { entryId: tap.slot.entryId } : {}),
      ...(reason ? { reason } : {}),
      ...(tap.seconds ? { seconds: tap.seconds } : {}),
    });
    if (!answer) {
      onRefused();
      return;
    }
    setAsking(null);
    onAnswer(answer.console);
  };

  return {
    tap: (tap) => {
      if (control.busy || frozen) return;
      control.reset();
      if (needsReason(tap.command, tap.slot)) {
        setLast(tap);
        setAsking(tap);
      } else void send(tap);
    },
    asking,
    confirm: (reason) => {
      if (asking) void send(asking, reason);
    },
    cancel: () => {
      if (control.busy) return;
      setAsking(null);
      control.reset();
    },
    busy: control.busy,
    last,
    refusal:
      control.error && last
        ? `「${last.seconds ? `加时 ${last.seconds} 秒` : liveCommandLabels[last.command]}」未执行：${refusalText(control.error)}`
        : null,
    refusedAt: control.error && last ? last.origin : null,
  };
}
