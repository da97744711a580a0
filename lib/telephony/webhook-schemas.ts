import { z } from 'zod';
import { TWILIO_CALL_STATUSES } from './call-session-machine';

/**
 * What the app reads from Twilio's webhooks. Control characters are already stripped (webhook-route.ts). Voice
 * requests never fail here on a field the phone network controls (the caller must hear TwiML); callbacks refuse
 * anything out of shape with 400, so nothing unbounded reaches the database.
 */

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`));
/** Twilio's SequenceNumber and durations: small non-negative integers; anything past int4 is not Twilio's. */
const boundedInt = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647));
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const shortText = (max: number) => z.string().min(1).max(max);

/** What Twilio sends in From for a caller who withheld their number; we use it for any unusable caller ID too. */
export const WITHHELD_CALLER_ID = 'Anonymous';
/** A caller ID is an E.164 number, a SIP or client address, or a word like Anonymous: never longer than this. */
const CALLER_ID_MAX = 64;

/** Whatever the network put in From, a caller ID we can store: unusable ones (empty, huge, binary) count as withheld. */
export function usableCallerId(value: string | null | undefined): string {
  const trimmed = (value ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return trimmed.length === 0 || trimmed.length > CALLER_ID_MAX ? WITHHELD_CALLER_ID : trimmed;
}

const callerId = z.string().optional().transform(usableCallerId);

/** The number called: a show's number or nothing we know; an unusable one simply matches no show. */
const calledNumber = z
  .string()
  .optional()
  .transform((value) => (value ?? '').trim().slice(0, CALLER_ID_MAX));

export const voiceSchema = z.looseObject({ CallSid: sid('CA'), From: callerId, To: calledNumber });

export const deviceSchema = z.looseObject({
  CallSid: sid('CA'),
  From: callerId,
  room: z.enum(['screen', 'live']).optional(),
  episodeId: z.uuid().optional(),
});

export const dialActionSchema = z.looseObject({
  CallSid: sid('CA'),
  // Anything else from the network is no status we act on.
  CallStatus: z
    .string()
    .optional()
    .transform((v) => ((TWILIO_CALL_STATUSES as readonly string[]).includes(v ?? '') ? v : undefined)),
  DialCallStatus: z
    .string()
    .optional()
    .transform((v) => (v ? v.slice(0, 32) : undefined)),
  moved: z.literal('1').optional(),
});

/** What a ringback's webhooks carry in their query (set by the app when it placed the call). */
const ringbackRef = { session: z.uuid(), attempt: boundedInt };

export const callStatusSchema = z.looseObject({
  CallSid: sid('CA'),
  session: ringbackRef.session.optional(),
  attempt: ringbackRef.attempt.optional(),
  CallStatus: z.enum(TWILIO_CALL_STATUSES),
  SequenceNumber: boundedInt.optional(),
  Timestamp: shortText(64).optional(),
  CallDuration: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
});

export const ringbackSchema = z.looseObject({ CallSid: sid('CA'), ...ringbackRef });

export const callbackChoiceSchema = z.looseObject({
  CallSid: sid('CA'),
  // Keys the caller pressed; anything else from the network is no key we act on.
  Digits: z
    .string()
    .optional()
    .transform((v) => (v ?? '').slice(0, 32)),
});

/** A participant announcement's request: it names the conference, not a call. */
export const announcementSchema = z.looseObject({ ConferenceSid: sid('CF') });

export const conferenceStatusSchema = z.looseObject({
  ConferenceSid: sid('CF'),
  FriendlyName: shortText(128),
  StatusCallbackEvent: z.string().regex(/^[a-z-]{1,40}$/),
  SequenceNumber: boundedInt,
  CallSid: sid('CA').optional(),
  ParticipantLabel: z.string().max(128).optional(),
  Muted: flag,
  Hold: flag,
  ReasonParticipantLeft: shortText(64).optional(),
  Timestamp: shortText(64).optional(),
});

/** The query of an announcement URL the app gave Twilio (lib/telephony/cue.ts): what to say, nothing else. */
export const cueSchema = z.discriminatedUnion('cue', [
  z.object({
    cue: z.literal('position'),
    position: boundedInt.pipe(z.number().min(1).max(1000)),
    wait: boundedInt.pipe(z.number().max(86_400)).optional(),
  }),
  z.object({ cue: z.literal('next') }),
]);
