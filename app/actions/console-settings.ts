'use server';

import { requireActor } from '@/lib/auth/guard';
import { saveConsoleSettings, type ConsoleSettings } from '@/lib/consoles/console-settings';
import { AppError } from '@/lib/errors';

/** Saves the signed-in person's console settings; answers what is now stored, or why not in words. */
export async function saveConsoleSettingsAction(
  raw: ConsoleSettings,
): Promise<{ ok: true; settings: ConsoleSettings } | { ok: false; message: string }> {
  try {
    return { ok: true, settings: await saveConsoleSettings(await requireActor(), raw) };
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { ok: false, message: error.message };
    console.error('[console-settings]', error);
    return { ok: false, message: 'The setting was not saved. Try again.' };
  }
}
