import { z } from 'zod';
import { hangUpViaApi } from '../engine/call-update';
import { connectClient, registerClient } from '../engine/client-connect';
import type { Engine } from '../engine/context';
import { resetEngine } from '../engine/create-engine';
import { pressDigits } from '../engine/digits';
import { refreshAround } from '../engine/hearing';
import { ringNumber } from '../engine/inbound';
import { badRequest, notFound, TwilioApiError } from '../errors';
import { faultsSchema, type Faults } from '../faults';
import type { RequestContext, Router } from '../http/router';
import { TERMINAL_CALL_STATUSES, type CallRecord } from '../types';
import { callView } from './call-view';
import { snapshot } from './snapshot';

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/);
/**
 * What a carrier may present as the caller: an E.164 number, a withheld caller ID as words (`Anonymous`,
 * `Restricted`, `Unavailable`; Twilio passes these alpha strings on since its 2022-11-16 changelog "Upcoming changes
 * to withheld caller IDs behavior"), their keypad digits (`+266696687`), bare digits, or nothing at all (error
 * 13214's page: carriers send invalid caller IDs on incoming calls). Webhooks carry it unchanged.
 */
const callerId = z.union([
  e164,
  z.literal(''),
  z.string().regex(/^[A-Za-z][A-Za-z ]{0,31}$/),
  z.string().regex(/^\d{1,15}$/),
]);
const ringSchema = z.strictObject({ from: callerId, to: e164 });
const digitsSchema = z.strictObject({ digits: z.string().regex(/^[0-9*#wW]{1,64}$/) });
const muteSchema = z.strictObject({ muted: z.boolean() });
const policySchema = z.strictObject({
  answer: z.enum(['answer', 'busy', 'no-answer', 'failed']),
  delayMs: z.number().int().min(0).max(600_000).optional(),
});
const connectSchema = z.strictObject({
  token: z.string().min(1),
  params: z.record(z.string(), z.string()).default({}),
});
const registerSchema = z.strictObject({ token: z.string().min(1), autoAnswer: z.boolean().default(true) });

function body<T extends z.ZodType>(schema: T, ctx: RequestContext): z.output<T> {
  const parsed = schema.safeParse(ctx.json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw badRequest(
    20001,
    `Invalid body${issue?.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? ''}`,
  );
}

const IDENTITY = '([A-Za-z0-9_.@%-]{1,200})';
const CALL = '(CA[0-9a-f]{32})';

export interface SignalInfo {
  /** The Voice SDK's private `chunderw` option: host:port of wss://…/signal. */
  chunderw: string;
  url: string;
}

export function registerControlRoutes(router: Router, engine: Engine, faults: Faults, signal: () => SignalInfo): void {
  const findCall = (sid: string): CallRecord => {
    const call = engine.store.calls.get(sid);
    if (!call) throw notFound(`Call ${sid}`);
    return call;
  };
  const live = (call: CallRecord): CallRecord => {
    if (TERMINAL_CALL_STATUSES.has(call.status))
      throw new TwilioApiError(400, 21220, 'Invalid call state for this operation');
    return call;
  };

  router
    .on('GET', /^\/_emulator\/health$/, () => ({
      status: 200,
      body: { ok: true, accountSid: engine.options.accountSid, signal: signal() },
    }))
    .on('GET', /^\/_emulator\/state$/, () => ({ status: 200, body: snapshot(engine, faults) }))
    .on('POST', /^\/_emulator\/reset$/, () => {
      resetEngine(engine, faults);
      return { status: 200, body: { ok: true } };
    })
    .on('POST', /^\/_emulator\/calls$/, (ctx) => {
      const { from, to } = body(ringSchema, ctx);
      return { status: 201, body: { sid: ringNumber(engine, from, to).sid } };
    })
    .on('GET', new RegExp(`^/_emulator/calls/${CALL}$`), (ctx) => ({
      status: 200,
      body: callView(engine, findCall(ctx.params[0] ?? '')),
    }))
    .on('POST', new RegExp(`^/_emulator/calls/${CALL}/hangup$`), (ctx) => {
      const call = findCall(ctx.params[0] ?? '');
      hangUpViaApi(engine, call, 'completed');
      return { status: 200, body: { sid: call.sid, status: call.status } };
    })
    .on('POST', new RegExp(`^/_emulator/calls/${CALL}/digits$`), (ctx) => {
      const { digits } = body(digitsSchema, ctx);
      return { status: 200, body: pressDigits(engine, findCall(ctx.params[0] ?? ''), digits) };
    })
    .on('POST', new RegExp(`^/_emulator/calls/${CALL}/mute$`), (ctx) => {
      const { muted } = body(muteSchema, ctx);
      const call = live(findCall(ctx.params[0] ?? ''));
      call.micMuted = muted;
      refreshAround(engine, call);
      return { status: 200, body: { sid: call.sid, muted } };
    })
    .on('POST', new RegExp(`^/_emulator/calls/${CALL}/(accept|reject)$`), (ctx) => {
      const call = live(findCall(ctx.params[0] ?? ''));
      const answer = engine.pendingAnswers.get(call.sid);
      if (!answer) throw new TwilioApiError(400, 21220, 'This call is not waiting to be accepted');
      answer(ctx.params[1] === 'accept' ? 'accept' : 'reject');
      return { status: 200, body: { sid: call.sid } };
    })
    .on('GET', /^\/_emulator\/faults$/, () => ({ status: 200, body: faults.current() }))
    .on('POST', /^\/_emulator\/faults$/, (ctx) => {
      faults.configure(body(faultsSchema, ctx));
      return { status: 200, body: faults.current() };
    })
    .on('DELETE', /^\/_emulator\/faults$/, () => {
      faults.clear();
      return { status: 200, body: faults.current() };
    })
    .on('POST', /^\/_emulator\/numbers\/([^/]+)\/policy$/, (ctx) => {
      const number = e164.safeParse(ctx.params[0]);
      if (!number.success) throw badRequest(21211, `Invalid phone number ${ctx.params[0] ?? ''}`);
      const { answer, delayMs } = body(policySchema, ctx);
      engine.store.policies.set(number.data, { answer, delayMs: delayMs ?? engine.options.answerDelayMs });
      return { status: 200, body: { number: number.data, answer, delayMs: delayMs ?? engine.options.answerDelayMs } };
    })
    .on('POST', new RegExp(`^/_emulator/clients/${IDENTITY}/connect$`), (ctx) => {
      const { token, params } = body(connectSchema, ctx);
      return { status: 201, body: { sid: connectClient(engine, ctx.params[0] ?? '', token, params).sid } };
    })
    .on('POST', new RegExp(`^/_emulator/clients/${IDENTITY}/register$`), (ctx) => {
      const { token, autoAnswer } = body(registerSchema, ctx);
      registerClient(engine, ctx.params[0] ?? '', token, autoAnswer);
      return { status: 200, body: { identity: ctx.params[0], registered: true } };
    })
    .on('POST', new RegExp(`^/_emulator/clients/${IDENTITY}/unregister$`), (ctx) => {
      engine.store.clients.delete(ctx.params[0] ?? '');
      return { status: 200, body: { identity: ctx.params[0], registered: false } };
    })
    .on('GET', new RegExp(`^/_emulator/clients/${IDENTITY}/incoming$`), (ctx) => {
      const to = `client:${ctx.params[0] ?? ''}`;
      const ringing = [...engine.store.calls.values()].filter((c) => c.to === to && engine.pendingAnswers.has(c.sid));
      return {
        status: 200,
        body: { calls: ringing.map((c) => ({ sid: c.sid, from: c.from, to: c.to, status: c.status })) },
      };
    });
}
