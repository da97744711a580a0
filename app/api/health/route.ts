import { statementsSent } from '@/lib/db/client';
import { checkDatabase } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 only when this instance can reach its database. Under npm run bench, also how many statements it has sent. */
export async function GET() {
  const database = await checkDatabase();
  const statements = statementsSent();
  return Response.json(
    { status: database.ok ? 'ok' : 'unavailable', database, ...(statements === null ? {} : { statements }) },
    { status: database.ok ? 200 : 503 },
  );
}
