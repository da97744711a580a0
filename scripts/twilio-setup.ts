// `npm run twilio:setup`: points a Twilio account at this app, idempotently, and prints what it changed.
// Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL from the environment or from the flags
// --account-sid, --auth-token, --public-url (and --api-base-url, to run it against the emulator).
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'account-sid': { type: 'string' },
    'auth-token': { type: 'string' },
    'public-url': { type: 'string' },
    'api-base-url': { type: 'string' },
  },
});
const flags: Record<string, string | undefined> = {
  TWILIO_ACCOUNT_SID: values['account-sid'],
  TWILIO_AUTH_TOKEN: values['auth-token'],
  PUBLIC_BASE_URL: values['public-url'],
  TWILIO_API_BASE_URL: values['api-base-url'],
};
for (const [name, value] of Object.entries(flags)) if (value) process.env[name] = value;

if (!process.env.TWILIO_ACCOUNT_SID) {
  console.error('twilio:setup needs a Twilio account: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL,');
  console.error('or pass --account-sid AC... --auth-token ... --public-url https://your-public-address');
  process.exit(2);
}

const { runTwilioSetup } = await import('../lib/telephony/setup');
const { getDbHandle } = await import('../lib/db/client');
const code = await runTwilioSetup(console);
await (await getDbHandle()).close();
process.exit(code);
