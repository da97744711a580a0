import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { endEpisodeContest, findEpisodeById, startEpisodeContest } from '@/lib/db/episodes';
import type { Episode } from '@/lib/db/schema';

export const openContestSchema = z
  .object({
    target: z
      .number({ error: 'Say which caller wins, such as 10 for the tenth.' })
      .int('The winning caller is a whole number.')
      .min(1, 'The winning caller is at least the first.')
      .max(10_000, 'Keep the winning caller under 10,000.'),
  })
  .strict();

export interface ContestView {
  episodeId: string;
  /** True while callers are being counted: everyone but the winner hears the contest message. */
  open: boolean;
  /** N in "the Nth caller wins", counted from the opening of the contest. */
  target: number | null;
  /** Callers counted since the contest opened (the episode's arrival number minus its value at the opening). */
  counted: number;
  /** The winning arrival number on the episode's counter (the one shown on the caller's card). */
  winningArrival: number | null;
  winnerSessionId: string | null;
}

function toView(episode: Episode): ContestView {
  const start = episode.contestStartArrival;
  return {
    episodeId: episode.id,
    open: episode.contestOpen && episode.closedAt === null,
    target: episode.contestTarget,
    counted: start === null ? 0 : episode.arrivals - start,
    winningArrival: start === null || episode.contestTarget === null ? null : start + episode.contestTarget,
    winnerSessionId: episode.contestWinnerSessionId,
  };
}

async function episodeOrThrow(episodeId: string): Promise<Episode> {
  const episode = await findEpisodeById(episodeId);
  if (!episode) throw new AppError('not_found:episode', 'That episode was not found.');
  return episode;
}

export async function contestStatus(actor: Actor, episodeId: string): Promise<ContestView> {
  assertAccess(actor, ACCESS.runShows);
  return toView(await episodeOrThrow(episodeId));
}

/**
 * "The Nth caller wins": from now on the Nth call to arrive goes to the front of the queue as the winner, and
 * every other caller hears the contest message and is released, until the producer closes the contest.
 */
export async function openContest(
  actor: Actor,
  episodeId: string,
  input: z.infer<typeof openContestSchema>,
): Promise<ContestView> {
  assertAccess(actor, ACCESS.runShows);
  const started = await startEpisodeContest(episodeId, input.target);
  if (started) return toView(started);
  const episode = await episodeOrThrow(episodeId);
  if (episode.closedAt)
    throw new AppError(
      'conflict:episode',
      'The lines of this episode are closed: open them before starting a contest.',
    );
  throw new AppError(
    'conflict:episode',
    `A contest is already running on this episode (caller number ${episode.contestTarget ?? '?'} wins). Close it first.`,
  );
}

/** Ends the contest: callers are screened normally again. The winner, if one rang, stays in the queue. */
export async function closeContest(actor: Actor, episodeId: string): Promise<ContestView> {
  assertAccess(actor, ACCESS.runShows);
  const ended = await endEpisodeContest(episodeId);
  if (ended) return toView(ended);
  await episodeOrThrow(episodeId);
  throw new AppError('conflict:episode', 'No contest is running on this episode.');
}
