import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { findCallHistory, HISTORY_EXPORT_LIMIT, historyCsv, historyFilterSchema } from '@/lib/producer/history';

export const dynamic = 'force-dynamic';

/** GET /api/history/export?q=&episode=&outcome=: the call history as CSV, with the history page's filters. */
export const GET = apiRoute({ access: ACCESS.manageCallers, query: historyFilterSchema }, async ({ actor, query }) => {
  const csv = historyCsv(await findCallHistory(actor, query, HISTORY_EXPORT_LIMIT));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="call-history-${date}.csv"`,
      'cache-control': 'no-store',
    },
  });
});
