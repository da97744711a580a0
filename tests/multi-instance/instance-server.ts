import * as callCommand from '@/app/api/calls/[id]/[command]/route';
import * as health from '@/app/api/health/route';
import * as consoleView from '@/app/api/shows/[id]/console/route';
import { reconcileOnce } from '@/lib/calls/reconciler';
import { startReconcilerLoop } from '@/lib/calls/reconciler-loop';
import { getDbHandle } from '@/lib/db/client';
import { startRouteServer } from '@/tests/support/route-server';
import { TWILIO_ROUTES } from '@/tests/support/twilio-routes';
import { watchAdvisoryLocks } from './lock-watch';
import { requestScope } from '@/tests/support/request-scope';

/**
 * One app instance in its own process: the real route handlers Twilio and the consoles use, served on PORT,
 * plus the reconciler loop at test speed. Every pass is reported on stdout as a JSON line.
 */
const instance = process.env.INSTANCE_NAME ?? 'instance';
const intervalMs = Number(process.env.RECONCILE_INTERVAL_MS ?? 200);
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ instance, ...line })}\n`);

watchAdvisoryLocks(await getDbHandle(), (hold) => say({ kind: 'lock', ...hold }));

const server = await startRouteServer(
  {
    ...TWILIO_ROUTES,
    '/api/shows/[id]/console': consoleView,
    '/api/calls/[id]/[command]': callCommand,
    '/api/health': health,
  },
  { port: Number(process.env.PORT ?? 0), around: (request, run) => requestScope.run(request.headers, run) },
);

let stopping = false;
async function reconcileLoop() {
  while (!stopping) {
    const startedAt = Date.now();
    try {
      const report = await reconcileOnce({ graceMs: 1000, screenerGraceMs: 5000 });
      say({ kind: 'pass', startedAt, endedAt: Date.now(), ran: report.ran, repairs: report.repairs });
    } catch (error) {
      say({
        kind: 'pass-error',
        startedAt,
        endedAt: Date.now(),
        error: error instanceof Error ? error.message : String(error),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

process.on('SIGTERM', () => {
  stopping = true;
  void server.close().then(() => process.exit(0));
});
say({ kind: 'ready', url: server.url, pid: process.pid });
// RECONCILER=app runs the app's own loop (lib/calls/reconciler-loop.ts) at its production grace, as `next start` does.
if (process.env.RECONCILER === 'app') startReconcilerLoop();
else void reconcileLoop();
