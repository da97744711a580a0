import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { listOpenSessions } from '@/lib/db/call-sessions';
import { closeEpisode, findOpenEpisode, insertOpenEpisode, latestEpisodes, reopenEpisode } from '@/lib/db/episodes';
import { findShowById } from '@/lib/db/shows';
import type { Episode } from '@/lib/db/schema';
import { endPendingCallbacks } from './ringback';

export const openLinesSchema = z
  .object({ title: z.string().trim().min(1, 'Give the episode a title.').max(200).optional() })
  .strict();

/**
 * Opens the lines: calls from now on are queued instead of turned away. Closing the lines only stops admitting
 * callers, so while anyone is still in the last episode (waiting, screening, on deck, on air) opening them
 * again continues that episode, where those callers stay visible; otherwise a new, empty episode starts.
 */
export async function openLines(
  actor: Actor,
  showId: string,
  input: z.infer<typeof openLinesSchema> = {},
): Promise<Episode> {
  assertAccess(actor, ACCESS.runShows);
  const show = await findShowById(showId);
  if (!show) throw new AppError('not_found:show', 'That show was not found.');
  const [latest] = await latestEpisodes(showId, 1);
  if (latest?.closedAt && (await listOpenSessions({ episodeId: latest.id })).length > 0) {
    const reopened = await reopenEpisode(latest.id);
    if (reopened) return reopened;
  }
  const now = new Date();
  const title = input.title ?? `${show.name}, ${now.toISOString().slice(0, 10)}`;
  const episode = await insertOpenEpisode({ showId, title, openedAt: now, openedBy: actor.id });
  if (!episode) throw new AppError('conflict:episode', `The lines of ${show.name} are already open.`);
  return episode;
}

/** The show's open episode, or null while its lines are closed. */
export async function currentLines(showId: string): Promise<Episode | null> {
  if (!(await findShowById(showId))) throw new AppError('not_found:show', 'That show was not found.');
  return (await findOpenEpisode(showId)) ?? null;
}

/**
 * Closes the lines: new calls hear the off-air message; callers already in the queue stay until handled, except
 * those waiting for a callback, who are not rung back (their sessions end as off air).
 */
export async function closeLines(actor: Actor, showId: string): Promise<Episode> {
  assertAccess(actor, ACCESS.runShows);
  if (!(await findShowById(showId))) throw new AppError('not_found:show', 'That show was not found.');
  const open = await findOpenEpisode(showId);
  if (!open) throw new AppError('conflict:episode', 'The lines of this show are not open.');
  const closed = await closeEpisode(open.id, new Date());
  if (!closed) throw new AppError('conflict:episode', 'The lines of this show are not open.');
  await endPendingCallbacks(closed.id);
  return closed;
}
