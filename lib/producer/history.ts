import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { searchCallHistory, type HistoryRow } from '@/lib/db/call-history';
import { CALL_STATES } from '@/lib/telephony/call-session-machine';
import { toCsv, type CsvColumn } from '@/lib/consoles/csv';
import { secondsSince } from '@/lib/consoles/durations';
import { isoWithOffset } from '@/lib/consoles/times';
import { describeState } from '@/lib/telephony/call-session-machine';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The history page's query string and the CSV export's, the same filters. */
export const historyFilterSchema = z
  .object({
    q: z.preprocess(blankToUndefined, z.string().trim().max(100, 'Keep the search under 100 characters.').optional()),
    episode: z.preprocess(blankToUndefined, z.uuid('Pick an episode from the list.').optional()),
    outcome: z.preprocess(blankToUndefined, z.enum(CALL_STATES, 'Pick an outcome from the list.').optional()),
  })
  .strip();
export type HistoryQuery = z.infer<typeof historyFilterSchema>;

export const HISTORY_PAGE_LIMIT = 200;
export const HISTORY_EXPORT_LIMIT = 10_000;

export async function findCallHistory(
  actor: Actor,
  query: HistoryQuery,
  limit = HISTORY_PAGE_LIMIT,
): Promise<HistoryRow[]> {
  assertAccess(actor, ACCESS.manageCallers);
  return searchCallHistory({ search: query.q, episodeId: query.episode, outcome: query.outcome, limit });
}

/** Seconds a caller waited before a screener answered (or until they gave up). */
export function waitSeconds(
  row: Pick<HistoryRow, 'arrivedAt' | 'firstAnsweredAt' | 'endedAt'>,
  now = Date.now(),
): number {
  const end = row.firstAnsweredAt ?? row.endedAt;
  return secondsSince(row.arrivedAt, end ? end.getTime() : now);
}

export function airSeconds(row: Pick<HistoryRow, 'onAirAt' | 'endedAt'>, now = Date.now()): number | null {
  if (!row.onAirAt) return null;
  return secondsSince(row.onAirAt, row.endedAt ? row.endedAt.getTime() : now);
}

const iso = (d: Date | null) => (d ? isoWithOffset(d) : '');

const HISTORY_COLUMNS: CsvColumn<HistoryRow>[] = [
  { header: 'arrived_at', value: (r) => iso(r.arrivedAt) },
  { header: 'phone_number', value: (r) => r.fromNumber },
  { header: 'name', value: (r) => r.name },
  { header: 'location', value: (r) => r.location },
  { header: 'topic', value: (r) => r.topic },
  { header: 'episode', value: (r) => r.episodeTitle },
  { header: 'outcome', value: (r) => r.state },
  { header: 'outcome_words', value: (r) => describeState(r.state) },
  { header: 'reject_reason', value: (r) => r.rejectReason },
  { header: 'screener', value: (r) => r.screenerName },
  { header: 'wait_seconds', value: (r) => waitSeconds(r) },
  { header: 'on_air_at', value: (r) => iso(r.onAirAt) },
  { header: 'air_seconds', value: (r) => airSeconds(r) },
  { header: 'ended_at', value: (r) => iso(r.endedAt) },
];

export function historyCsv(rows: readonly HistoryRow[]): string {
  return toCsv(rows, HISTORY_COLUMNS);
}
