import { z } from 'zod';
import { parseXml, XmlParseError, type XmlElement } from './xml-parser';
import {
  CONFERENCE_EVENTS,
  UNSUPPORTED_TWIML_VERBS,
  type ConferenceNoun,
  type GatherVerb,
  type PromptVerb,
  type Verb,
} from './verbs';

/** Twilio's error codes: 12100 document parse failure, 12200 schema validation warning/failure. */
export class TwimlError extends Error {
  constructor(
    readonly code: 12100 | 12200,
    message: string,
  ) {
    super(message);
  }
}

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const method = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(['GET', 'POST']));
const nonNegativeInt = z.string().regex(/^\d+$/).transform(Number);

const sayAttrs = z.object({ loop: nonNegativeInt.default(1) });
const pauseAttrs = z.object({ length: nonNegativeInt.default(1) });
const redirectAttrs = z.object({ method: method.default('POST') });
const rejectAttrs = z.object({ reason: z.enum(['rejected', 'busy']).default('rejected') });
const dialAttrs = z.object({
  action: z.string().optional(),
  method: method.default('POST'),
  timeLimit: nonNegativeInt.default(14400),
  hangupOnStar: bool.default(false),
});
const positiveInt = nonNegativeInt.pipe(z.number().min(1));
// Attributes and defaults from Twilio's <Gather> page (/docs/voice/twiml/gather); speech input is not emulated.
const gatherAttrs = z.object({
  input: z.literal('dtmf', { message: 'the emulator gathers only input="dtmf"' }).default('dtmf'),
  action: z.string().optional(),
  method: method.default('POST'),
  timeout: positiveInt.default(5),
  // Error 13310: finishOnKey must be one of 0-9, #, * (or empty: no finish key).
  finishOnKey: z
    .string()
    .regex(/^[0-9#*]?$/, 'finishOnKey must be one of 0-9, #, * or empty (error 13310)')
    .default('#'),
  numDigits: positiveInt.optional(),
  actionOnEmptyResult: bool.default(false),
});
const conferenceAttrs = z.object({
  muted: bool.default(false),
  beep: z.enum(['true', 'false', 'onEnter', 'onExit']).default('true'),
  startConferenceOnEnter: bool.default(true),
  endConferenceOnExit: bool.default(false),
  waitUrl: z.string().optional(),
  waitMethod: method.default('POST'),
  maxParticipants: nonNegativeInt.pipe(z.number().min(2).max(250)).default(250),
  participantLabel: z.string().max(128).optional(),
  coach: z
    .string()
    .regex(/^CA[0-9a-fA-F]{32}$/)
    .optional(),
  statusCallback: z.string().optional(),
  statusCallbackMethod: method.default('POST'),
  statusCallbackEvent: z
    .string()
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine((events) => events.every((e) => CONFERENCE_EVENTS.has(e)), 'unknown statusCallbackEvent')
    .optional(),
});

function attrs<T extends z.ZodType>(schema: T, element: XmlElement): z.output<T> {
  const parsed = schema.safeParse(element.attributes);
  if (!parsed.success) {
    throw new TwimlError(12200, `invalid attribute on <${element.name}>: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return parsed.data;
}

function requireText(element: XmlElement): string {
  const text = element.text.trim();
  if (!text) throw new TwimlError(12200, `<${element.name}> needs a body`);
  return text;
}

function parseConference(element: XmlElement): ConferenceNoun {
  const a = attrs(conferenceAttrs, element);
  return {
    name: requireText(element),
    muted: a.muted,
    beep: a.beep,
    startConferenceOnEnter: a.startConferenceOnEnter,
    endConferenceOnExit: a.endConferenceOnExit,
    waitUrl: a.waitUrl ?? null,
    waitMethod: a.waitMethod,
    maxParticipants: a.maxParticipants,
    participantLabel: a.participantLabel ?? null,
    coach: a.coach ?? null,
    statusCallback: a.statusCallback ?? null,
    statusCallbackMethod: a.statusCallbackMethod,
    statusCallbackEvent: a.statusCallbackEvent ?? [],
  };
}

function parseDial(element: XmlElement): Verb {
  const a = attrs(dialAttrs, element);
  const [noun, ...rest] = element.children;
  if (element.text.trim()) throw new TwimlError(12200, 'the emulator only dials <Conference>, not a bare number');
  if (!noun || rest.length > 0) throw new TwimlError(12200, '<Dial> needs exactly one noun');
  if (noun.name !== 'Conference') throw new TwimlError(12200, `<Dial><${noun.name}> is not supported by the emulator`);
  return {
    verb: 'Dial',
    action: a.action ?? null,
    method: a.method,
    timeLimit: a.timeLimit,
    hangupOnStar: a.hangupOnStar,
    conference: parseConference(noun),
  };
}

function parsePromptVerb(element: XmlElement): PromptVerb | null {
  switch (element.name) {
    case 'Say':
      return { verb: 'Say', text: requireText(element), loop: attrs(sayAttrs, element).loop };
    case 'Play':
      return { verb: 'Play', url: requireText(element), loop: attrs(sayAttrs, element).loop };
    case 'Pause':
      return { verb: 'Pause', length: attrs(pauseAttrs, element).length };
    default:
      return null;
  }
}

/** Twilio nests only <Say>, <Play> and <Pause> in <Gather> (the <Gather> page, "Nest other verbs"). */
function parseGather(element: XmlElement): GatherVerb {
  const a = attrs(gatherAttrs, element);
  const prompt = element.children.map((child) => {
    const verb = parsePromptVerb(child);
    if (!verb) throw new TwimlError(12200, `<${child.name}> cannot be nested in <Gather>`);
    return verb;
  });
  return {
    verb: 'Gather',
    action: a.action ?? null,
    method: a.method,
    timeout: a.timeout,
    finishOnKey: a.finishOnKey,
    numDigits: a.numDigits ?? null,
    actionOnEmptyResult: a.actionOnEmptyResult,
    prompt,
  };
}

function parseVerb(element: XmlElement): Verb {
  const prompt = parsePromptVerb(element);
  if (prompt) return prompt;
  switch (element.name) {
    case 'Gather':
      return parseGather(element);
    case 'Redirect':
      return { verb: 'Redirect', url: requireText(element), method: attrs(redirectAttrs, element).method };
    case 'Hangup':
      return { verb: 'Hangup' };
    case 'Reject':
      return { verb: 'Reject', reason: attrs(rejectAttrs, element).reason };
    case 'Dial':
      return parseDial(element);
    default:
      if (UNSUPPORTED_TWIML_VERBS.has(element.name)) {
        throw new TwimlError(12200, `<${element.name}> is valid TwiML but not supported by the emulator`);
      }
      throw new TwimlError(12200, `unknown verb <${element.name}>`);
  }
}

export function parseTwiml(source: string): Verb[] {
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (error) {
    if (error instanceof XmlParseError) throw new TwimlError(12100, `document parse failure: ${error.message}`);
    throw error;
  }
  if (root.name !== 'Response') throw new TwimlError(12200, `root element must be <Response>, not <${root.name}>`);
  return root.children.map(parseVerb);
}
