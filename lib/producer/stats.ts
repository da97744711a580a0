import 'server-only';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { listEpisodeCalls, listEpisodesForFilter } from '@/lib/db/call-history';
import { computeEpisodeStats, type EpisodeStats } from '@/lib/consoles/episode-stats';

export interface EpisodeStatsRow {
  episode: { id: string; title: string; showId: string; openedAt: string; closedAt: string | null };
  stats: EpisodeStats;
}

/** Stats of the latest episodes (all shows), newest first. */
export async function latestEpisodeStats(actor: Actor, limit = 20, now = new Date()): Promise<EpisodeStatsRow[]> {
  assertAccess(actor, ACCESS.viewStats);
  const episodes = await listEpisodesForFilter(limit);
  const calls = await listEpisodeCalls(episodes.map((e) => e.id));
  return episodes.map((episode) => ({
    episode: {
      id: episode.id,
      title: episode.title,
      showId: episode.showId,
      openedAt: episode.openedAt.toISOString(),
      closedAt: episode.closedAt?.toISOString() ?? null,
    },
    stats: computeEpisodeStats(
      calls.filter((c) => c.episodeId === episode.id),
      now,
    ),
  }));
}
