import { z } from 'zod';
import type { Engine } from '../engine/context';
import { badRequest, notFound, TwilioApiError } from '../errors';
import type { RequestContext, Router } from '../http/router';
import type { AudioEngine } from '../media/audio-engine';
import { TERMINAL_CALL_STATUSES, type CallRecord } from '../types';

const frequency = z.number().min(20).max(3900);
const speakSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('tone'), frequency, amplitude: z.number().min(0).max(1).default(0.25) }),
  z.strictObject({ source: z.literal('wav'), url: z.url(), loop: z.boolean().default(true) }),
  z.strictObject({ source: z.literal('silence') }),
  z.strictObject({ source: z.literal('device') }),
]);
const windowSchema = z.coerce.number().int().min(20).max(10_000).default(1000);
const frequenciesSchema = z
  .string()
  .regex(/^(\d+(\.\d+)?(,\d+(\.\d+)?)*)?$/)
  .transform((list) => (list ? list.split(',').map(Number) : []))
  .pipe(z.array(frequency).max(16));

const CALL = '(CA[0-9a-f]{32})';
const IDENTITY = '([A-Za-z0-9_.@%-]{1,200})';

function query<T extends z.ZodType>(schema: T, ctx: RequestContext, name: string): z.output<T> {
  const raw = ctx.query.get(name);
  const parsed = schema.safeParse(raw === null ? undefined : raw);
  if (!parsed.success)
    throw badRequest(20001, `Invalid query parameter ${name}: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Making parties speak and reading what each one sends and receives (issue 12). */
export function registerAudioRoutes(router: Router, engine: Engine, audio: AudioEngine): void {
  const liveCall = (sid: string): CallRecord => {
    const call = engine.store.calls.get(sid);
    if (!call) throw notFound(`Call ${sid}`);
    if (TERMINAL_CALL_STATUSES.has(call.status))
      throw new TwilioApiError(400, 21220, 'Invalid call state for this operation');
    return call;
  };
  const reading = (call: CallRecord, ctx: RequestContext) => {
    const windowMs = query(windowSchema, ctx, 'windowMs');
    const frequencies = ctx.query.has('frequencies')
      ? query(frequenciesSchema, ctx, 'frequencies')
      : audio.spokenTones();
    const read = audio.read(call.sid, windowMs, frequencies);
    if (!read) throw new TwilioApiError(409, 21220, `Call ${call.sid} carries no audio yet`);
    return { status: 200, body: { callSid: call.sid, windowMs, ...read } };
  };

  router
    .on('POST', new RegExp(`^/_emulator/calls/${CALL}/speak$`), (ctx) => {
      const parsed = speakSchema.safeParse(ctx.json);
      if (!parsed.success) throw badRequest(20001, `Invalid body: ${parsed.error.issues[0]?.message ?? ''}`);
      const call = liveCall(ctx.params[0] ?? '');
      audio.speak(call.sid, parsed.data);
      return { status: 200, body: { callSid: call.sid, voice: parsed.data } };
    })
    .on('GET', new RegExp(`^/_emulator/calls/${CALL}/audio$`), (ctx) => reading(liveCall(ctx.params[0] ?? ''), ctx))
    .on('GET', new RegExp(`^/_emulator/clients/${IDENTITY}/audio$`), (ctx) => {
      const client = `client:${ctx.params[0] ?? ''}`;
      const newest = [...engine.store.calls.values()]
        .filter((c) => (c.from === client || c.to === client) && !TERMINAL_CALL_STATUSES.has(c.status))
        .sort((a, b) => b.dateCreated - a.dateCreated)[0];
      if (!newest) throw notFound(`live call of ${client}`);
      return reading(newest, ctx);
    })
    .on('GET', /^\/_emulator\/audio\/delay$/, (ctx) => {
      const from = ctx.query.get('from') ?? '';
      const to = ctx.query.get('to') ?? '';
      const tone = query(z.coerce.number().pipe(frequency), ctx, 'frequency');
      const measured = audio.delay(from, to, tone);
      if (!measured)
        throw new TwilioApiError(409, 20001, `No onset of ${tone} Hz from ${from} has reached ${to} in the last 10 s`);
      return { status: 200, body: { from, to, frequency: tone, ...measured } };
    })
    .on('GET', /^\/_emulator\/audio\/load$/, () => ({ status: 200, body: { ...audio.load, cpu: process.cpuUsage() } }));
}
