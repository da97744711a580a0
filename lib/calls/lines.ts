import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { closeEpisode, findOpenEpisode, insertOpenEpisode } from '@/lib/db/episodes';
import { findShowById } from '@/lib/db/shows';
import type { Episode } from '@/lib/db/schema';

export const openLinesSchema = z.object({ title: z.string().trim().min(1, 'Give the episode a title.').max(200).optional() }).strict();

/** Opens the lines: the show gets an open episode, and calls from now on are queued instead of turned away. */
export async function openLines(actor: Actor, showId: string, input: z.infer<typeof openLinesSchema> = {}): Promise<Episode> {
  assertAccess(actor, ACCESS.runShows);
  const show = await findShowById(showId);
  if (!show) throw new AppError('not_found:show', 'That show was not found.');
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

/** Closes the lines: new calls hear the off-air message; callers already in the queue stay until handled. */
export async function closeLines(actor: Actor, showId: string): Promise<Episode> {
  assertAccess(actor, ACCESS.runShows);
  if (!(await findShowById(showId))) throw new AppError('not_found:show', 'That show was not found.');
  const open = await findOpenEpisode(showId);
  if (!open) throw new AppError('conflict:episode', 'The lines of this show are not open.');
  const closed = await closeEpisode(open.id, new Date());
  if (!closed) throw new AppError('conflict:episode', 'The lines of this show are not open.');
  return closed;
}
