import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { pointTwilioClientAt, startEmulator } from '../index';

/**
 * Load benchmark: 500 simulated callers ring at once into 100 conferences of 5 (the first caller of each
 * starts it). Prints calls set up per second, webhook fan-out and peak RSS. Loopback only, bounded.
 */
const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const ROOM_SIZE = 5;
const SHOW_NUMBER = '+15005550006';

async function startApp(): Promise<{ url: string; close: () => void; count: () => number }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      let body = '<Response/>';
      if (url.startsWith('/voice')) {
        const n = Number(params.get('From')?.slice(-4) ?? 0);
        const start = n % ROOM_SIZE === 0;
        body = `<Response><Say>Welcome</Say><Dial><Conference startConferenceOnEnter="${start}" waitUrl="/wait" statusCallback="/conf" statusCallbackEvent="join leave start end">room-${Math.floor(n / ROOM_SIZE)}</Conference></Dial></Response>`;
      } else if (url.startsWith('/wait'))
        body = '<Response><Play loop="0">http://audio.local/hold.mp3</Play></Response>';
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
    count: () => requests,
  };
}

async function main(): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const emulator = await startEmulator({ port: 0, timeScale: 0.05, webhookTimeoutMs: 15_000 });
  const app = await startApp();
  const client = pointTwilioClientAt(twilio(emulator.accountSid, emulator.authToken), emulator.url);
  await client.incomingPhoneNumbers.create({
    phoneNumber: SHOW_NUMBER,
    voiceUrl: `${app.url}/voice`,
    statusCallback: `${app.url}/status`,
  });

  const started = performance.now();
  const sids = await Promise.all(
    Array.from({ length: CALLS }, async (_, i) => {
      const response = await fetch(`${emulator.url}/_emulator/calls`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: `+1415555${String(i).padStart(4, '0')}`, to: SHOW_NUMBER }),
      });
      return ((await response.json()) as { sid: string }).sid;
    }),
  );
  const rang = performance.now();
  await emulator.waitFor((s) => s.calls.filter((c) => c.hears?.kind === 'conference').length === CALLS, {
    timeoutMs: 120_000,
    intervalMs: 100,
  });
  const setUp = performance.now();
  const setupSeconds = (setUp - started) / 1000;
  const webhooksAtSetup = app.count();

  await Promise.all(sids.map((sid) => fetch(`${emulator.url}/_emulator/calls/${sid}/hangup`, { method: 'POST' })));
  await emulator.waitFor(
    (s) => s.calls.every((c) => c.status === 'completed') && s.conferences.every((c) => c.status === 'completed'),
    {
      timeoutMs: 60_000,
      intervalMs: 100,
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const finished = performance.now();
  const totalWebhooks = app.count();
  clearInterval(sampler);

  console.log(`calls: ${CALLS} in ${CALLS / ROOM_SIZE} conferences of ${ROOM_SIZE}`);
  console.log(`ring requests accepted in ${((rang - started) / 1000).toFixed(2)} s`);
  console.log(
    `all calls in a running conference after ${setupSeconds.toFixed(2)} s: ${(CALLS / setupSeconds).toFixed(0)} calls set up per second`,
  );
  console.log(`webhooks during set-up: ${webhooksAtSetup} (${(webhooksAtSetup / setupSeconds).toFixed(0)} requests/s)`);
  console.log(
    `webhooks in total incl. hang-up: ${totalWebhooks} over ${((finished - started) / 1000).toFixed(2)} s (${(totalWebhooks / ((finished - started) / 1000)).toFixed(0)} requests/s)`,
  );
  console.log(
    `peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB (emulator, webhook app and benchmark in one process)`,
  );
  await emulator.close();
  app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
