import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { findCallHistory, HISTORY_EXPORT_LIMIT, historyCsv, historyFilterSchema } from '@/lib/producer/history';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

/** GET /api/history/export?q=&episode=&outcome=: the call history as CSV, with the history page's filters. */
export async function GET(request: Request) {
  try {
    const actor = await requireActor(['producer']);
    const query = parseInput(historyFilterSchema, Object.fromEntries(new URL(request.url).searchParams));
    const csv = historyCsv(await findCallHistory(actor, query, HISTORY_EXPORT_LIMIT));
    const date = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="call-history-${date}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
