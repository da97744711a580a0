import { startEmulator } from './index';

/** `npm run emulator`: the emulator for rehearsal mode, in real time unless EMULATOR_TIME_SCALE says otherwise. */
async function main(): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT ?? 3030);
  const timeScale = Number(process.env.EMULATOR_TIME_SCALE ?? 1);
  const numbers = process.env.EMULATOR_NUMBERS?.split(',').map((n) => n.trim()).filter(Boolean);
  const targets = process.env.EMULATOR_WEBHOOK_TARGETS?.split(',').map((n) => n.trim()).filter(Boolean);
  const emulator = await startEmulator({
    port,
    timeScale,
    ringDelayMs: 500,
    answerDelayMs: 1500,
    ...(numbers?.length ? { numbers } : {}),
    ...(targets?.length ? { webhookTargets: targets } : {}),
    // Kept across starts so a person accepts the signalling certificate in the browser once.
    tlsDir: process.env.EMULATOR_TLS_DIR ?? '.data/emulator-tls',
  });
  console.log(`Twilio emulator listening on ${emulator.url}`);
  console.log(`  AccountSid: ${emulator.accountSid}`);
  console.log(`  AuthToken:  ${emulator.authToken}`);
  console.log(`  State:      ${emulator.url}/_emulator/state`);
  console.log(`  Signalling: ${emulator.signal.url} (open https://${emulator.signal.chunderw}/ once to accept its certificate)`);
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
