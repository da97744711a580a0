'use client';

import { useCallback, useState } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';

export type CommandName = 'pickup' | 'approve' | 'reject' | 'requeue' | 'rescreen' | 'air' | 'to-deck' | 'drop' | 'mute' | 'unmute';

export interface CommandBody {
  version?: number;
  reason?: string;
  card?: { name?: string | null; location?: string | null; topic?: string | null; comment?: string | null; priority?: 'low' | 'normal' | 'high' };
}

/**
 * Sends call commands. While one is in flight its call shows "sending…"; afterwards the board's `moving` flag
 * takes over until Twilio confirms. Refusals land in `error`, already in words a person understands.
 */
export function useCallCommands(onSettled: () => void) {
  const [sending, setSending] = useState<Record<string, CommandName>>({});
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (callId: string, command: CommandName, body: CommandBody = {}): Promise<boolean> => {
      setSending((s) => ({ ...s, [callId]: command }));
      try {
        await sendJson(`/api/calls/${callId}/${command}`, 'POST', body);
        setError(null);
        return true;
      } catch (e) {
        setError(e instanceof Error ? e.message : 'That did not work. Try again.');
        return false;
      } finally {
        setSending(({ [callId]: _done, ...rest }) => rest);
        onSettled();
      }
    },
    [onSettled],
  );

  return { run, sending, error, setError, clearError: () => setError(null) };
}
