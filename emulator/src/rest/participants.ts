import { z } from 'zod';
import { announce } from '../engine/conference-ops';
import type { Engine } from '../engine/context';
import { recordNotification } from '../engine/notify';
import { createParticipant, removeParticipant, updateParticipant } from '../engine/participant-ops';
import { badRequest, notFound } from '../errors';
import type { Router } from '../http/router';
import type { ConferenceRecord, ParticipantRecord } from '../types';
import { absoluteUrl, clearableUrl, formBool, formMethod, formObject, parseForm, phoneOrClient } from './form';
import { paginate } from './paging';
import { restPath, SEGMENT } from './rest-path';
import { participantJson } from './serialize';
import { CONFERENCE_EVENT_NAMES } from '../twiml/verbs';

const CALL_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;
const LIST_KEYS = ['StatusCallbackEvent', 'ConferenceStatusCallbackEvent'];

const createSchema = z.object({
  From: phoneOrClient,
  To: phoneOrClient,
  Label: z.string().min(1).max(128).optional(),
  Muted: formBool.default(false),
  Beep: z.enum(['true', 'false', 'onEnter', 'onExit']).default('true'),
  StartConferenceOnEnter: formBool.default(true),
  EndConferenceOnExit: formBool.default(false),
  WaitUrl: clearableUrl.optional(),
  WaitMethod: formMethod.default('POST'),
  StatusCallback: absoluteUrl.optional(),
  StatusCallbackMethod: formMethod.default('POST'),
  StatusCallbackEvent: z.array(z.enum(CALL_EVENTS)).default(['completed']),
  ConferenceStatusCallback: absoluteUrl.optional(),
  ConferenceStatusCallbackMethod: formMethod.default('POST'),
  ConferenceStatusCallbackEvent: z.array(z.enum(CONFERENCE_EVENT_NAMES)).default([]),
  Coaching: formBool.default(false),
  CallSidToCoach: z
    .string()
    .regex(/^CA[0-9a-f]{32}$/)
    .optional(),
  Timeout: z.coerce.number().int().min(5).max(600).default(60),
  EarlyMedia: formBool.default(true),
  MaxParticipants: z.coerce.number().int().min(2).max(250).default(250),
});

const updateSchema = z.object({
  Muted: formBool.optional(),
  Hold: formBool.optional(),
  HoldUrl: clearableUrl.optional(),
  HoldMethod: formMethod.optional(),
  AnnounceUrl: absoluteUrl.optional(),
  WaitUrl: clearableUrl.optional(),
  WaitMethod: formMethod.optional(),
  BeepOnExit: formBool.optional(),
  EndConferenceOnExit: formBool.optional(),
  Coaching: formBool.optional(),
  CallSidToCoach: z
    .string()
    .regex(/^CA[0-9a-f]{32}$/)
    .optional(),
});

const CODES = {
  To: 21211,
  From: 21212,
  StatusCallback: 21205,
  ConferenceStatusCallback: 21205,
  WaitUrl: 21205,
  HoldUrl: 21205,
  AnnounceUrl: 21205,
};

/** Conferences/{ConferenceSid or FriendlyName}: a live conference, or the completed one with that sid. */
function findConference(engine: Engine, key: string): ConferenceRecord | undefined {
  return engine.store.conferences.get(key) ?? engine.store.liveConferenceByName(key);
}

/** A participant is addressed by CallSid or by its Label. */
function findParticipant(engine: Engine, conferenceKey: string, id: string): ParticipantRecord {
  const conference = findConference(engine, conferenceKey);
  const participant = conference
    ? engine.store.participantsOf(conference).find((p) => p.callSid === id || p.label === id)
    : undefined;
  if (!participant) throw notFound(`Participant ${id}`);
  return participant;
}

export function registerParticipantRoutes(router: Router, engine: Engine): void {
  const sid = () => engine.options.accountSid;
  const list = restPath(`/Conferences/${SEGMENT}/Participants\\.json`);
  const one = restPath(`/Conferences/${SEGMENT}/Participants/${SEGMENT}\\.json`);

  router.on('GET', list, (ctx) => {
    const conference = findConference(engine, ctx.params[0] ?? '');
    const q = ctx.query;
    const participants = (conference ? engine.store.participantsOf(conference) : [])
      .filter(
        (p) =>
          (!q.get('Muted') || String(p.muted) === q.get('Muted')) &&
          (!q.get('Hold') || String(p.hold) === q.get('Hold')),
      )
      .filter((p) => !q.get('Coaching') || String(p.coaching) === q.get('Coaching'));
    return {
      status: 200,
      body: paginate(
        participants.map((p) => participantJson(sid(), p)),
        q,
        ctx.path,
        'participants',
      ),
    };
  });

  router.on('POST', list, (ctx) => {
    const p = parseForm(createSchema, formObject(ctx.form, LIST_KEYS), CODES);
    if (!p.From.startsWith('client:') && !engine.store.numberByPhone(p.From)) {
      throw badRequest(21210, `The source phone number provided, ${p.From}, is not yet verified for your account.`);
    }
    const { participant } = createParticipant(engine, ctx.params[0] ?? '', {
      from: p.From,
      to: p.To,
      timeoutSeconds: p.Timeout,
      maxParticipants: p.MaxParticipants,
      settings: {
        label: p.Label ?? null,
        muted: p.Muted,
        beep: p.Beep,
        startConferenceOnEnter: p.StartConferenceOnEnter,
        endConferenceOnExit: p.EndConferenceOnExit,
        waitUrl: p.WaitUrl ?? null,
        waitMethod: p.WaitMethod,
        coaching: p.Coaching,
        callSidToCoach: p.CallSidToCoach ?? null,
        hangupOnStar: false,
      },
      callStatusCallback: p.StatusCallback
        ? { url: p.StatusCallback, method: p.StatusCallbackMethod, events: p.StatusCallbackEvent }
        : null,
      conferenceCallback: {
        url: p.ConferenceStatusCallback ?? null,
        method: p.ConferenceStatusCallbackMethod,
        events: p.ConferenceStatusCallbackEvent,
      },
    });
    return { status: 201, body: participantJson(sid(), participant) };
  });

  router.on('GET', one, (ctx) => ({
    status: 200,
    body: participantJson(sid(), findParticipant(engine, ctx.params[0] ?? '', ctx.params[1] ?? '')),
  }));

  router.on('POST', one, (ctx) => {
    const participant = findParticipant(engine, ctx.params[0] ?? '', ctx.params[1] ?? '');
    const p = parseForm(updateSchema, formObject(ctx.form), CODES);
    updateParticipant(engine, participant, {
      muted: p.Muted,
      hold: p.Hold,
      holdUrl: p.HoldUrl,
      holdMethod: p.HoldMethod,
      waitUrl: p.WaitUrl,
      waitMethod: p.WaitMethod,
      endConferenceOnExit: p.EndConferenceOnExit,
      coaching: p.Coaching,
      callSidToCoach: p.CallSidToCoach,
    });
    const conference = engine.store.conferences.get(participant.conferenceSid);
    if (p.AnnounceUrl && conference) {
      announce(engine, conference, p.AnnounceUrl, 'POST', participant).catch((error: unknown) =>
        recordNotification(engine, participant.callSid, 12400, `announcement failed: ${String(error)}`),
      );
    }
    return { status: 200, body: participantJson(sid(), participant) };
  });

  router.on('DELETE', one, (ctx) => {
    removeParticipant(engine, findParticipant(engine, ctx.params[0] ?? '', ctx.params[1] ?? ''));
    return { status: 204 };
  });
}
