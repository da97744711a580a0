import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { getBoard } from '@/lib/calls/board';
import { latestEpisodes } from '@/lib/db/episodes';
import { listRecentMessages } from '@/lib/db/messages';
import { findConsoleVersion, findShowById, listShows, listShowsWithWaiting } from '@/lib/db/shows';
import { AppError } from '@/lib/errors';
import { consoleEtag } from './etag';
import { viewForRole, type ConsoleView } from './console-view';

export const CHAT_HISTORY = 100;

/**
 * A console's view of a show: the board of its latest episode (open, or the one that just closed, whose callers
 * may still be waiting), that episode's chat and every show's tab with its waiting count, shaped for the actor's role,
 * with its ETag. The version is read before the view, so a change made meanwhile leaves an older ETag and shows
 * on the next poll.
 */
export async function getConsoleView(
  actor: Pick<Actor, 'id' | 'role'>,
  showId: string,
): Promise<{ view: ConsoleView; etag: string }> {
  const version = await findConsoleVersion(showId);
  const show = await findShowById(showId);
  if (!show || version === null) throw new AppError('not_found:show', 'That show was not found.');
  const [episode] = await latestEpisodes(show.id, 1);
  const board = episode ? (await getBoard(episode.id)).board : null;
  const [messages, shows] = await Promise.all([
    episode ? listRecentMessages(episode.id, CHAT_HISTORY) : [],
    listShowsWithWaiting(),
  ]);
  const view = viewForRole(
    {
      show: { id: show.id, name: show.name, phoneNumber: show.phoneNumber, onAirLimit: show.onAirLimit },
      linesOpen: Boolean(episode && !episode.closedAt),
      board,
      messages: messages.map((m) => ({
        id: m.id,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        author: { id: m.authorId, name: m.authorName, role: m.authorRole },
      })),
      shows,
    },
    actor.role,
  );
  return { view, etag: consoleEtag(version, actor) };
}

/** The show a console opens on: the one asked for, else the first with open lines, else the first. */
export async function pickConsoleShowId(requested: string | undefined): Promise<string | null> {
  const shows = await listShows();
  if (requested && shows.some((s) => s.id === requested)) return requested;
  // Without a choice: the show on air now, else the one most recently on air, else the oldest show.
  const latest = await Promise.all(
    shows.map(async (show) => ({ show, episode: (await latestEpisodes(show.id, 1))[0] })),
  );
  const onAir = latest.find(({ episode }) => episode && !episode.closedAt);
  if (onAir) return onAir.show.id;
  const lastAired = latest
    .filter(({ episode }) => episode)
    .sort((a, b) => b.episode!.openedAt.getTime() - a.episode!.openedAt.getTime())[0];
  if (lastAired) return lastAired.show.id;
  return [...shows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]?.id ?? null;
}
