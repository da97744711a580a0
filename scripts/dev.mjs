// `npm run dev`: the app on http://localhost:3000. With no Twilio account configured this is rehearsal mode:
// embedded PGlite under .data/, the local Twilio emulator, demo accounts and a demo show. Ctrl-C stops it all.
import { spawn } from 'node:child_process';

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
  const child = spawn(command, args, { stdio: 'inherit', env });
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
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log(`\nSwitchboard ${rehearsal ? 'in REHEARSAL mode (no real calls; Twilio emulator on port ' + emulatorPort + ')' : 'with Twilio account ' + process.env.TWILIO_ACCOUNT_SID}`);
console.log(`Database: ${process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${process.env.PGLITE_DIR ?? '.data/pglite'}`}`);
console.log(`Open http://localhost:${port} and sign in. The producer login is printed below on the first start;`);
if (rehearsal) {
  console.log('demo logins: host@switchboard.test / rehearsal-host, screener@switchboard.test / rehearsal-screener');
  console.log(`ring the demo show from the phone simulator: http://localhost:${port}/simulator\n`);
}

if (rehearsal) run('the Twilio emulator', 'npx', ['tsx', 'emulator/server.ts']);
run('the app', 'npx', ['next', 'dev', '-p', port]);
