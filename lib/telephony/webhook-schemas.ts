import { z } from 'zod';

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`));
const optionalInt = z
  .string()
  .regex(/^\d+$/)
  .transform(Number)
  .optional();
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const voiceSchema = z.looseObject({ CallSid: sid('CA'), From: z.string().min(1), To: z.string().min(1) });

export const deviceSchema = z.looseObject({
  CallSid: sid('CA'),
  From: z.string().min(1),
  room: z.enum(['screen', 'live']).optional(),
  episodeId: z.uuid().optional(),
});

export const dialActionSchema = z.looseObject({
  CallSid: sid('CA'),
  CallStatus: z.string().optional(),
  DialCallStatus: z.string().optional(),
  moved: z.literal('1').optional(),
});

export const callStatusSchema = z.looseObject({
  CallSid: sid('CA'),
  CallStatus: z.string().min(1),
  SequenceNumber: optionalInt,
  Timestamp: z.string().optional(),
  CallDuration: z.string().optional(),
});

export const conferenceStatusSchema = z.looseObject({
  ConferenceSid: sid('CF'),
  FriendlyName: z.string().min(1).max(128),
  StatusCallbackEvent: z.string().min(1),
  SequenceNumber: z.string().regex(/^\d+$/).transform(Number),
  CallSid: sid('CA').optional(),
  ParticipantLabel: z.string().max(128).optional(),
  Muted: flag,
  Hold: flag,
  ReasonParticipantLeft: z.string().optional(),
  Timestamp: z.string().optional(),
});

export const holdAudioSchema = z.looseObject({ show: z.uuid().optional() });
