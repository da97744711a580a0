import { z } from 'zod';
import { DEFAULT_EMULATOR_NUMBERS, EMULATOR_ACCOUNT_SID, EMULATOR_AUTH_TOKEN } from './constants';

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164 number expected');

export const emulatorOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().default('127.0.0.1'),
  accountSid: z
    .string()
    .regex(/^AC[0-9a-f]{32}$/)
    .default(EMULATOR_ACCOUNT_SID),
  authToken: z.string().min(1).default(EMULATOR_AUTH_TOKEN),
  numbers: z.array(e164).default(DEFAULT_EMULATOR_NUMBERS),
  apiKeys: z.array(z.object({ sid: z.string().regex(/^SK[0-9a-f]{32}$/), secret: z.string().min(1) })).default([]),
  webhookTimeoutMs: z.number().int().positive().default(15_000),
  /** Multiplies every TwiML duration (Pause, Say, Play, timeLimit) so tests run fast; 1 = real time. */
  timeScale: z.number().positive().default(0.05),
  /** Real-time milliseconds one spoken character takes before timeScale; ~15 characters a second. */
  speechMsPerChar: z.number().nonnegative().default(65),
  /** Real-time length of one <Play> of an audio file whose length the emulator cannot know. */
  playMs: z.number().nonnegative().default(3000),
  ringDelayMs: z.number().int().nonnegative().default(20),
  answerDelayMs: z.number().int().nonnegative().default(30),
  webhookTargets: z.array(z.url()).default([]),
  faultSeed: z.number().int().default(1),
  /** Twilio's default outbound limit is 1 call per second per account; 0 turns the queue off. */
  outboundCallsPerSecond: z.number().nonnegative().default(0),
  baseUrl: z.string().optional(),
  /** Where the signalling certificate is kept across starts (a person accepts it once); none = a new one each start. */
  tlsDir: z.string().optional(),
  /** The "\n" the signalling sends; the Voice SDK reconnects after 15 s without one. */
  signalHeartbeatMs: z.number().int().positive().max(14_000).default(10_000),
  /** A browser leg whose media is not up by then is hung up with error 53405, not left in silence. */
  mediaConnectTimeoutMs: z.number().int().positive().default(10_000),
});

export type EmulatorOptionsInput = z.input<typeof emulatorOptionsSchema>;
export type EmulatorOptions = z.output<typeof emulatorOptionsSchema>;
