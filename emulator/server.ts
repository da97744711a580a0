import { espeakInstalled, startEmulator } from './index';
import { emulatorOptionsFromEnv } from './src/env-options';

/** `npm run emulator`: the emulator for rehearsal mode, in real time unless EMULATOR_TIME_SCALE says otherwise. */
async function main(): Promise<void> {
  const emulator = await startEmulator(emulatorOptionsFromEnv(process.env));
  console.log(`Twilio emulator listening on ${emulator.url}`);
  console.log(`  AccountSid: ${emulator.accountSid}`);
  console.log(`  AuthToken:  ${emulator.authToken}`);
  console.log(`  State:      ${emulator.url}/_emulator/state`);
  console.log(
    `  Signalling: ${emulator.signal.url} (open https://${emulator.signal.chunderw}/ once to accept its certificate)`,
  );
  console.log(
    `  <Say>:      ${espeakInstalled() ? 'spoken by espeak-ng' : 'a warble stand-in (apt-get install espeak-ng for speech)'}`,
  );
  const stop = (): void => {
    console.log('Stopping the Twilio emulator');
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
