'use client';

import { useCallback, useState } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';
import type { CallCommand } from '@/lib/telephony/call-session-machine';

export interface CommandBody {
  version?: number;
  reason?: string;
  card?: {
    name?: string | null;
    location?: string | null;
    topic?: string | null;
    comment?: string | null;
    priority?: 'low' | 'normal' | 'high';
  };
}

/**
 * Sends call commands. While one is in flight its call shows "sending…"; afterwards the board's `moving` flag
 * takes over until Twilio confirms. Refusals land in `error`, already in words a person understands.
 */
export function useCallCommands(onSettled: () => void) {
  const [sending, setSending] = useState<Record<string, CallCommand>>({});
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (callId: string, command: CallCommand, body: CommandBody = {}): Promise<boolean> => {
      setSending((s) => ({ ...s, [callId]: command }));
      try {
        await sendJson(`/api/calls/${callId}/${command.replaceAll('_', '-')}`, 'POST', body);
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
