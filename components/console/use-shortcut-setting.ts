'use client';

import { useState } from 'react';
import { saveConsoleSettingsAction } from '@/app/actions/console-settings';

/** The person's "single-key shortcuts" setting: shown at once, stored with their account. */
export function useShortcutSetting(initial: boolean) {
  const [enabled, setEnabled] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  async function change(next: boolean) {
    setEnabled(next);
    const saved = await saveConsoleSettingsAction({ shortcutsEnabled: next });
    if (saved.ok) {
      setError(null);
      setEnabled(saved.settings.shortcutsEnabled);
    } else {
      setError(saved.message);
      setEnabled(!next);
    }
  }
  return { enabled, change, error };
}
