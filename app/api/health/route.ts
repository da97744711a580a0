import { checkDatabase } from '@/lib/db/health';

export const dynamic = 'force-dynamic';

/** For load balancers: 200 only when this instance can reach its database. */
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database.ok ? 'ok' : 'unavailable', database }, { status: database.ok ? 200 : 503 });
}
