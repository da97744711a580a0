import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { LocalTime } from '@/components/local-time';
import { FIELD_CLASS } from '@/components/console/field-class';
import { ProducerNav } from '@/components/console/producer-nav';
import { StateLabel } from '@/components/console/state-label';
import { requirePageActor } from '@/lib/auth/guard';
import { formatDuration } from '@/lib/consoles/durations';
import { listEpisodesForFilter } from '@/lib/db/call-history';
import { CALL_STATES } from '@/lib/telephony/call-session-machine';
import { airSeconds, findCallHistory, historyFilterSchema, waitSeconds } from '@/lib/producer/history';
import { describeState } from '@/lib/telephony/call-session-machine';

export const metadata: Metadata = { title: 'Call history' };
export const dynamic = 'force-dynamic';

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['producer'], '/producer/history');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const parsed = historyFilterSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const [rows, episodes] = await Promise.all([findCallHistory(actor, query), listEpisodesForFilter(100)]);
  const exportQuery = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
  ).toString();
  return (
    <>
      <AppHeader actor={actor} current="/producer" />
      <main className="mx-auto max-w-[1600px] space-y-4 p-4">
        <ProducerNav current="/producer/history" />
        <h1 className="text-2xl font-bold">Call history</h1>
        <form
          method="get"
          className="flex flex-wrap items-end gap-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
          aria-label="Filter the history"
        >
          <label className="flex flex-col gap-1 text-sm">
            Number or name
            <input name="q" defaultValue={query.q ?? ''} maxLength={100} className={FIELD_CLASS} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Episode
            <select name="episode" defaultValue={query.episode ?? ''} className={FIELD_CLASS}>
              <option value="">All episodes</option>
              {episodes.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Outcome
            <select name="outcome" defaultValue={query.outcome ?? ''} className={FIELD_CLASS}>
              <option value="">All outcomes</option>
              {CALL_STATES.map((s) => (
                <option key={s} value={s}>
                  {describeState(s)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="min-h-11 rounded-md bg-screening px-4 font-semibold text-studio-950">
            Search
          </button>
          <a
            href={`/api/history/export${exportQuery ? `?${exportQuery}` : ''}`}
            className="flex min-h-11 items-center rounded-md border border-studio-600 px-4 hover:bg-studio-700"
            download
          >
            Download CSV
          </a>
        </form>
        {!parsed.success && (
          <p role="alert" className="text-red-300">
            Some filters were not valid and were ignored.
          </p>
        )}
        <p className="text-studio-400" role="status">
          {rows.length === 0 ? 'No calls match.' : `${rows.length} call${rows.length === 1 ? '' : 's'}, newest first.`}
        </p>
        {rows.length > 0 && (
          <div className="overflow-x-auto rounded-lg border border-studio-700">
            <table className="w-full text-left">
              <caption className="sr-only">Calls matching the filters</caption>
              <thead className="bg-studio-900 text-sm text-studio-400">
                <tr>
                  <th className="p-2">Arrived</th>
                  <th className="p-2">Number</th>
                  <th className="p-2">Name</th>
                  <th className="p-2">Topic</th>
                  <th className="p-2">Episode</th>
                  <th className="p-2">Outcome</th>
                  <th className="p-2">Wait</th>
                  <th className="p-2">On air</th>
                  <th className="p-2">Screener</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-studio-700">
                    <td className="p-2 font-mono text-sm">
                      <LocalTime at={r.arrivedAt.toISOString()} />
                    </td>
                    <td className="p-2 font-mono">{r.fromNumber}</td>
                    <td className="p-2">{r.name ?? '—'}</td>
                    <td className="p-2">{r.topic ?? '—'}</td>
                    <td className="p-2">{r.episodeTitle ?? 'Lines closed'}</td>
                    <td className="p-2">
                      <StateLabel state={r.state} />{' '}
                      <span className="text-sm text-studio-400">{r.rejectReason ?? ''}</span>
                    </td>
                    <td className="p-2 font-mono">{formatDuration(waitSeconds(r))}</td>
                    <td className="p-2 font-mono">{r.onAirAt ? formatDuration(airSeconds(r) ?? 0) : '—'}</td>
                    <td className="p-2">{r.screenerName ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </>
  );
}
