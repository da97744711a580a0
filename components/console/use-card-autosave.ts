'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';

export interface CardValues {
  name: string;
  location: string;
  topic: string;
  comment: string;
  priority: 'low' | 'normal' | 'high';
}

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export const AUTOSAVE_DELAY_MS = 600;

/** The card as the person types it, saved (PATCH) a moment after they stop typing. */
export function useCardAutosave(callId: string, initial: CardValues) {
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!dirty) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setSave({ kind: 'saving' });
      sendJson(`/api/calls/${callId}/card`, 'PATCH', values).then(
        () => setSave({ kind: 'saved' }),
        (e: unknown) => setSave({ kind: 'error', message: e instanceof Error ? e.message : 'The card was not saved.' }),
      );
    }, AUTOSAVE_DELAY_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [callId, values, dirty]);

  const change = useCallback((field: keyof CardValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setDirty(true);
  }, []);

  /** For approve and reject, which carry the card themselves: no separate save is needed any more. */
  const takeForCommand = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setDirty(false);
    return values;
  }, [values]);

  return { values, change, save, takeForCommand };
}
