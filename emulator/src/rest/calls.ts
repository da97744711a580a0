import { z } from 'zod';
import { startTwiml, type TwimlSource } from '../engine/call-runner';
import { hangUpViaApi, redirectCall } from '../engine/call-update';
import type { Engine } from '../engine/context';
import { createCall } from '../engine/create-call';
import { placeCall } from '../engine/outbound';
import { badRequest, notFound, TwilioApiError } from '../errors';
import type { Router } from '../http/router';
import { TERMINAL_CALL_STATUSES, type CallRecord } from '../types';
import { absoluteUrl, formMethod, formObject, parseForm, phoneOrClient } from './form';
import { paginate } from './paging';
import { restPath, SEGMENT } from './rest-path';
import { callJson } from './serialize';

const CALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;
const LIST_KEYS = ['StatusCallbackEvent'];

const createSchema = z.object({
  To: phoneOrClient,
  From: phoneOrClient,
  Url: absoluteUrl.optional(),
  Twiml: z.string().min(1).optional(),
  ApplicationSid: z
    .string()
    .regex(/^AP[0-9a-f]{32}$/)
    .optional(),
  Method: formMethod.default('POST'),
  FallbackUrl: absoluteUrl.optional(),
  FallbackMethod: formMethod.default('POST'),
  StatusCallback: absoluteUrl.optional(),
  StatusCallbackMethod: formMethod.default('POST'),
  StatusCallbackEvent: z.array(z.enum(CALL_EVENTS)).default(['completed']),
  Timeout: z.coerce.number().int().min(1).max(600).default(60),
});

const updateSchema = z.object({
  Url: absoluteUrl.optional(),
  Method: formMethod.default('POST'),
  Twiml: z.string().min(1).optional(),
  Status: z.enum(['completed', 'canceled']).optional(),
  FallbackUrl: absoluteUrl.optional(),
  FallbackMethod: formMethod.default('POST'),
  StatusCallback: absoluteUrl.optional(),
  StatusCallbackMethod: formMethod.default('POST'),
});

const CODES = {
  To: 21201,
  From: 21213,
  Url: 21205,
  FallbackUrl: 21205,
  StatusCallback: 21205,
  ApplicationSid: 21218,
  Status: 21218,
};

function findCall(engine: Engine, sid: string): CallRecord {
  const call = engine.store.calls.get(sid);
  if (!call) throw notFound(`Call ${sid}`);
  return call;
}

function checkFrom(engine: Engine, from: string): void {
  if (from.startsWith('client:') || engine.store.numberByPhone(from)) return;
  throw badRequest(21210, `The source phone number provided, ${from}, is not yet verified for your account.`);
}

function sourceFor(engine: Engine, p: z.output<typeof createSchema>): TwimlSource {
  const given = [p.Url, p.Twiml, p.ApplicationSid].filter((v) => v !== undefined).length;
  if (given !== 1) throw badRequest(21205, 'Exactly one of Url, Twiml or ApplicationSid is required');
  if (p.Twiml !== undefined) return { twiml: p.Twiml };
  if (p.Url !== undefined) return { url: p.Url, method: p.Method, kind: 'voice' };
  const app = engine.store.applications.get(p.ApplicationSid ?? '');
  if (!app?.voiceUrl) throw badRequest(21218, `ApplicationSid ${p.ApplicationSid ?? ''} is invalid`);
  return { url: app.voiceUrl, method: app.voiceMethod, kind: 'voice' };
}

export function registerCallRoutes(router: Router, engine: Engine): void {
  const sid = () => engine.options.accountSid;

  router.on('POST', restPath('/Calls\\.json'), (ctx) => {
    const p = parseForm(createSchema, formObject(ctx.form, LIST_KEYS), CODES);
    checkFrom(engine, p.From);
    const source = sourceFor(engine, p);
    const call = createCall(engine, {
      from: p.From,
      to: p.To,
      direction: 'outbound-api',
      status: 'queued',
      statusCallback: p.StatusCallback
        ? { url: p.StatusCallback, method: p.StatusCallbackMethod, events: p.StatusCallbackEvent }
        : null,
      fallback: p.FallbackUrl ? { url: p.FallbackUrl, method: p.FallbackMethod } : null,
      applicationSid: p.ApplicationSid ?? null,
    });
    void placeCall(engine, call, p.Timeout, () => startTwiml(engine, call, source));
    return { status: 201, body: callJson(sid(), call) };
  });

  router.on('GET', restPath('/Calls\\.json'), (ctx) => {
    const q = ctx.query;
    const calls = [...engine.store.calls.values()]
      .reverse()
      .filter((c) => (!q.get('To') || c.to === q.get('To')) && (!q.get('From') || c.from === q.get('From')))
      .filter(
        (c) =>
          (!q.get('Status') || c.status === q.get('Status')) &&
          (!q.get('ParentCallSid') || c.parentCallSid === q.get('ParentCallSid')),
      );
    return {
      status: 200,
      body: paginate(
        calls.map((c) => callJson(sid(), c)),
        q,
        ctx.path,
        'calls',
      ),
    };
  });

  router.on('GET', restPath(`/Calls/${SEGMENT}\\.json`), (ctx) => ({
    status: 200,
    body: callJson(sid(), findCall(engine, ctx.params[0] ?? '')),
  }));

  router.on('POST', restPath(`/Calls/${SEGMENT}\\.json`), (ctx) => {
    const call = findCall(engine, ctx.params[0] ?? '');
    const p = parseForm(updateSchema, formObject(ctx.form), CODES);
    if (p.Url !== undefined && p.Twiml !== undefined) throw badRequest(21205, 'Url and Twiml cannot both be given');
    if (TERMINAL_CALL_STATUSES.has(call.status))
      throw new TwilioApiError(400, 21220, 'Call is not in-progress. Cannot redirect.');
    if (p.FallbackUrl) call.fallback = { url: p.FallbackUrl, method: p.FallbackMethod };
    if (p.StatusCallback)
      call.statusCallback = {
        url: p.StatusCallback,
        method: p.StatusCallbackMethod,
        events: call.statusCallback?.events ?? ['completed'],
      };
    if (p.Status) hangUpViaApi(engine, call, p.Status);
    else if (p.Url !== undefined || p.Twiml !== undefined) {
      if (call.status !== 'in-progress')
        throw new TwilioApiError(400, 21220, 'Call is not in-progress. Cannot redirect.');
      redirectCall(
        engine,
        call,
        p.Twiml !== undefined ? { twiml: p.Twiml } : { url: p.Url ?? '', method: p.Method, kind: 'voice' },
      );
    }
    call.dateUpdated = Date.now();
    return { status: 200, body: callJson(sid(), call) };
  });

  router.on('DELETE', restPath(`/Calls/${SEGMENT}\\.json`), (ctx) => {
    const call = findCall(engine, ctx.params[0] ?? '');
    if (!TERMINAL_CALL_STATUSES.has(call.status))
      throw new TwilioApiError(400, 21220, 'Invalid call state for this operation');
    engine.store.calls.delete(call.sid);
    return { status: 204 };
  });
}
