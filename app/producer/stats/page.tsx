import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { LocalTime } from '@/components/local-time';
import { ProducerNav } from '@/components/console/producer-nav';
import { StatsChart } from '@/components/console/stats-chart';
import { requirePageActor } from '@/lib/auth/guard';
import { formatDuration } from '@/lib/consoles/durations';
import { latestEpisodeStats } from '@/lib/producer/stats';

export const metadata: Metadata = { title: 'Stats' };
export const dynamic = 'force-dynamic';

export default async function StatsPage() {
  const actor = await requirePageActor(['producer'], '/producer/stats');
  const rows = await latestEpisodeStats(actor);
  const wait = (s: number | null) => (s === null ? '—' : formatDuration(s));
  return (
    <>
      <AppHeader actor={actor} current="/producer" />
      <main className="mx-auto max-w-[1600px] space-y-4 p-4">
        <ProducerNav current="/producer/stats" />
        <h1 className="text-2xl font-bold">Episode stats</h1>
        {rows.length === 0 ? (
          <p className="text-studio-400">No episodes yet. Stats appear once the lines have been opened.</p>
        ) : (
          <>
            <StatsChart rows={rows} />
            <div className="overflow-x-auto rounded-lg border border-studio-700">
              <table className="w-full text-left">
                <caption className="sr-only">Stats per episode, newest first</caption>
                <thead className="bg-studio-900 text-sm text-studio-400">
                  <tr>
                    {[
                      'Episode',
                      'Opened',
                      'Calls',
                      'Answered',
                      'Aired',
                      'Rejected',
                      'Abandoned',
                      'Average wait',
                      'Longest wait',
                    ].map((h) => (
                      <th key={h} className="p-2">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ episode, stats }) => (
                    <tr
                      key={episode.id}
                      className="border-t border-studio-700"
                      aria-label={`Stats of ${episode.title}`}
                    >
                      <td className="p-2">{episode.title}</td>
                      <td className="p-2 font-mono text-sm">
                        <LocalTime at={episode.openedAt} />
                      </td>
                      <td className="p-2 font-mono">{stats.calls}</td>
                      <td className="p-2 font-mono">{stats.answered}</td>
                      <td className="p-2 font-mono">{stats.aired}</td>
                      <td className="p-2 font-mono">{stats.rejected}</td>
                      <td className="p-2 font-mono">{stats.abandoned}</td>
                      <td className="p-2 font-mono">{wait(stats.averageWaitSeconds)}</td>
                      <td className="p-2 font-mono">{wait(stats.longestWaitSeconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </main>
    </>
  );
}
