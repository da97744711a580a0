// `npm run dev`: the app, as a production build (built on the first start and again only when the sources
// change), on every address of this machine at port 3000. With no Twilio account configured this is rehearsal
// mode: embedded PGlite under .data/, the local Twilio emulator, demo accounts and a demo show. Ctrl-C stops it
// all. `npm run dev:watch` is `next dev` instead, for working on the code.
import { spawn } from 'node:child_process';
import { lanAddresses } from './lan-addresses.mjs';
import { ensureProductionBuild } from './production-build.mjs';

const watch = process.argv.includes('--watch');
const port = process.env.PORT ?? '3000';
const emulatorPort = process.env.EMULATOR_PORT ?? '3030';
const rehearsal = !process.env.TWILIO_ACCOUNT_SID;
const env = { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: '1' };
if (rehearsal) {
  env.EMULATOR_PORT = emulatorPort;
  env.EMULATOR_URL ??= `http://127.0.0.1:${emulatorPort}`;
  env.PUBLIC_BASE_URL ??= `http://127.0.0.1:${port}`;
}

const children = [];
function run(name, command, args) {
  // Each child leads its own process group, so stopping reaches what npx starts under it (a shell, then the
  // server) even when only this process is signalled (a process manager's SIGTERM, not a terminal's Ctrl-C).
  const child = spawn(command, args, { stdio: 'inherit', env, detached: true });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function signalAll(signal) {
  for (const child of children) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // That group has already gone.
    }
  }
}
function groupAlive(child) {
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}
/** Stops every child and exits once all their processes have gone (ports free for the next start), at most 10 s later. */
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  signalAll('SIGTERM');
  const deadline = Date.now() + 10_000;
  setInterval(() => {
    if (!children.some(groupAlive)) process.exit(code);
    if (Date.now() > deadline) {
      console.error('Something did not stop within 10 s; killed it.');
      signalAll('SIGKILL');
      process.exit(code || 1);
    }
  }, 100);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (!watch) {
  const build = ensureProductionBuild(env);
  console.log(
    build === 'reused'
      ? '\nUsing the production build in .next (the sources have not changed since it was built).'
      : '\nBuilt the app for production.',
  );
}

const addresses = ['localhost', '127.0.0.1', ...lanAddresses()].map((host) => `http://${host}:${port}`);
console.log(
  `\nSwitchboard ${rehearsal ? `in REHEARSAL mode (no real calls; Twilio emulator on port ${emulatorPort})` : `with Twilio account ${process.env.TWILIO_ACCOUNT_SID}`}${watch ? ', next dev (reloads on change)' : ''}`,
);
console.log(
  `Database: ${process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${process.env.PGLITE_DIR ?? '.data/pglite'}`}`,
);
console.log(
  'Open the app at any of these addresses and sign in (the producer login is printed below on the first start):',
);
for (const address of addresses) console.log(`  ${address}`);
if (rehearsal) {
  console.log('demo logins: host@switchboard.test / rehearsal-host, screener@switchboard.test / rehearsal-screener');
  console.log(`ring the demo show from the phone simulator: ${addresses[0]}/simulator\n`);
}

if (rehearsal) run('the Twilio emulator', 'npx', ['tsx', 'emulator/server.ts']);
run(
  'the app',
  'npx',
  watch ? ['next', 'dev', '-p', port, '-H', '0.0.0.0'] : ['next', 'start', '-p', port, '-H', '0.0.0.0'],
);
