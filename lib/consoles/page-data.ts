import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { getConsoleView, pickConsoleShowId } from './console-data';
import { getConsoleSettings, type ConsoleSettings } from './console-settings';
import type { ConsoleView } from './console-view';

const showParamSchema = z.object({ show: z.uuid().optional().catch(undefined) });

export interface ConsolePageData {
  showId: string;
  initial: { view: ConsoleView; etag: string };
  serverNow: number;
  settings: ConsoleSettings;
}

/**
 * Everything a console page renders on the server, so its first HTML already holds the board (no blank flash),
 * and the browser's first poll can be answered 304. Null when no show exists yet.
 */
export async function loadConsolePage(
  actor: Actor,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<ConsolePageData | null> {
  const { show } = showParamSchema.parse({
    show: typeof searchParams.show === 'string' ? searchParams.show : undefined,
  });
  const showId = await pickConsoleShowId(show);
  if (!showId) return null;
  const [initial, consoleSettings] = await Promise.all([getConsoleView(actor, showId), getConsoleSettings(actor)]);
  return {
    showId,
    initial,
    serverNow: new Date().getTime(),
    settings: consoleSettings,
  };
}
