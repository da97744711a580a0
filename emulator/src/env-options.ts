import type { EmulatorOptionsInput } from './options';

type Env = Record<string, string | undefined>;

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * `npm run emulator`'s options from the environment. EMULATOR_ACCOUNT_SID and EMULATOR_AUTH_TOKEN, when given,
 * replace the fixed rehearsal credentials, so a test (or a probe) can run the emulator as any account.
 */
export function emulatorOptionsFromEnv(env: Env): EmulatorOptionsInput {
  const numbers = list(env.EMULATOR_NUMBERS);
  const targets = list(env.EMULATOR_WEBHOOK_TARGETS);
  const accountSid = env.EMULATOR_ACCOUNT_SID?.trim();
  const authToken = env.EMULATOR_AUTH_TOKEN?.trim();
  return {
    port: Number(env.EMULATOR_PORT ?? 3030),
    timeScale: Number(env.EMULATOR_TIME_SCALE ?? 1),
    ringDelayMs: 500,
    answerDelayMs: 1500,
    // Twilio's default account limit: outbound calls beyond 1 per second wait in `queued` (FACTS.md, REST resources).
    outboundCallsPerSecond: Number(env.EMULATOR_CALLS_PER_SECOND ?? 1),
    ...(numbers?.length ? { numbers } : {}),
    ...(targets?.length ? { webhookTargets: targets } : {}),
    ...(accountSid ? { accountSid } : {}),
    ...(authToken ? { authToken } : {}),
    // Kept across starts so a person accepts the signalling certificate in the browser once.
    tlsDir: env.EMULATOR_TLS_DIR ?? '.data/emulator-tls',
  };
}
