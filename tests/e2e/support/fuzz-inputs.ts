import fc from 'fast-check';

/**
 * Malformed input for the fuzz spec, as small printable descriptions (so a counterexample reads well and shrinks)
 * that `renderBody` turns into the bytes actually sent.
 */

export type BodySpec =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'deep'; shape: 'array' | 'object'; depth: number }
  | { kind: 'huge'; key: string; length: number; unknownKey: boolean }
  | { kind: 'empty' };

/** Every key the JSON endpoints know, plus prototype-pollution and injection favourites. */
const KEYS = [
  'title',
  'order',
  'body',
  'name',
  'version',
  'card',
  'reason',
  'callId',
  'phoneNumber',
  'location',
  'topic',
  'comment',
  'priority',
  '__proto__',
  'constructor',
  'prototype',
  "name'--",
  '',
];

const NASTY_STRINGS = [
  "' OR '1'='1",
  "'); DROP TABLE call_sessions; --",
  '1; select pg_sleep(5)',
  '%00',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '🎙️📞'.repeat(20),
  '<script>alert(1)</script>',
  '=HYPERLINK("http://attacker.example")',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-1',
  '   ',
];

const weirdNumber = fc.constantFrom(-1, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 63));
const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const value = fc.oneof(
  nastyString,
  weirdNumber,
  fc.jsonValue({ maxDepth: 2 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 5 }),
);

const RAW_TEXTS = [
  '{',
  '{"order":',
  '[1,2',
  'NaN',
  '-Infinity',
  'undefined',
  '{"version":NaN}',
  '{"version":1e999}',
  '{"version":-1}',
  "{'single':'quotes'}",
  '{"a":1,}',
  '\u0000',
  '\ufeff{"name":"bom"}',
  'title=form&encoded=1',
  '--zz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--zz--',
  '<?xml version="1.0"?><x/>',
  "' OR 1=1 --",
];

/** Any body, valid or not: JSON of any shape, schema keys with wrong values, broken JSON, deep nesting, huge strings. */
export const anyBody: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({
    kind: fc.constant('json' as const),
    value: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 }),
  }),
  fc.record({
    kind: fc.constant('json' as const),
    value: fc.record({
      card: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 }),
      version: fc.oneof(weirdNumber, nastyString),
    }),
  }),
  fc.record({
    kind: fc.constant('json' as const),
    value: fc.record({ order: fc.array(fc.oneof(fc.uuid(), nastyString), { maxLength: 250 }) }),
  }),
  fc.record({
    kind: fc.constant('raw' as const),
    text: fc.oneof(fc.constantFrom(...RAW_TEXTS), fc.string({ unit: 'binary', maxLength: 200 })),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    shape: fc.constantFrom('array' as const, 'object' as const),
    depth: fc.integer({ min: 50, max: 20_000 }),
  }),
  fc.record({
    kind: fc.constant('huge' as const),
    key: fc.constantFrom(...KEYS),
    length: fc.integer({ min: 1_000, max: 300_000 }),
    unknownKey: fc.boolean(),
  }),
  fc.constant({ kind: 'empty' as const }),
);

function parses(text: string): boolean {
  if (!text.trim()) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bodies no endpoint may accept (every schema is a strict object): unparsable text, JSON that is not an object,
 * deep nesting, or an object carrying a key no schema knows.
 */
export const invalidBody: fc.Arbitrary<BodySpec> = fc.oneof(
  fc
    .record({
      kind: fc.constant('raw' as const),
      text: fc.oneof(fc.constantFrom(...RAW_TEXTS), fc.string({ unit: 'binary', minLength: 1, maxLength: 200 })),
    })
    .filter((b) => !parses(b.text)),
  fc.record({
    kind: fc.constant('json' as const),
    value: fc.oneof(nastyString, weirdNumber, fc.boolean(), fc.constant(null), fc.array(value, { maxLength: 4 })),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    shape: fc.constantFrom('array' as const, 'object' as const),
    depth: fc.integer({ min: 50, max: 20_000 }),
  }),
  fc
    .tuple(
      fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 3 }),
      fc.string({ minLength: 1, maxLength: 20 }),
      value,
    )
    .map(([known, extra, v]) => ({ kind: 'json' as const, value: { ...known, [`x-unknown-${extra}`]: v } })),
  fc.record({
    kind: fc.constant('huge' as const),
    key: fc.constantFrom(...KEYS),
    length: fc.integer({ min: 1_000, max: 300_000 }),
    unknownKey: fc.constant(true),
  }),
);

export function renderBody(spec: BodySpec): string {
  switch (spec.kind) {
    case 'json':
      return JSON.stringify(spec.value) ?? 'null';
    case 'raw':
      return spec.text;
    case 'deep':
      return spec.shape === 'array'
        ? `${'['.repeat(spec.depth)}${']'.repeat(spec.depth)}`
        : `${'{"card":'.repeat(spec.depth)}1${'}'.repeat(spec.depth)}`;
    case 'huge':
      return JSON.stringify({
        [spec.key]: 'x'.repeat(spec.length),
        ...(spec.unknownKey ? { 'x-unknown': 'y'.repeat(spec.length) } : {}),
      });
    case 'empty':
      return '';
  }
}

export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zz',
  'application/xml',
  'application/octet-stream',
);

/** A path segment where an id (or a command) belongs: never a real one, sometimes a well-formed uuid nobody has. */
export const pathSegment: fc.Arbitrary<string> = fc
  .oneof(
    fc.uuid(),
    fc.constantFrom(
      '0',
      '-1',
      'NaN',
      'null',
      'undefined',
      '__proto__',
      'constructor',
      "' OR '1'='1",
      '1;DROP TABLE shows',
      'a/b',
      'a%2Fb',
      '%00',
      '\\',
      '00000000-0000-0000-0000-000000000000',
      'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.integer({ min: 100, max: 3_000 }).map((n) => 'a'.repeat(n)),
    fc.uuid().map((u) => `${u}/../${u}`),
  )
  .filter((s) => s.replace(/\./g, '') !== '');

export const COMMANDS = [
  'pickup',
  'approve',
  'reject',
  'requeue',
  'rescreen',
  'air',
  'to-deck',
  'back-to-deck',
  'off-air',
  'drop',
  'mute',
  'unmute',
];
export const commandSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...COMMANDS),
  pathSegment,
  fc.constantFrom(...COMMANDS).map((c) => c.toUpperCase()),
);

/** Query strings for GET endpoints (the history export reads q, episode and outcome). */
export const queryParams: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom('q', 'episode', 'outcome', 'limit', 'q[]', '__proto__'),
  fc.oneof(
    nastyString,
    fc.uuid(),
    fc.constantFrom('queued', 'completed', 'on_air', 'QUEUED', ''),
    fc.integer({ min: 101, max: 2_000 }).map((n) => 'q'.repeat(n)),
  ),
  { maxKeys: 3 },
);

/** Form parameters for a webhook: Twilio's names with junk values, and names Twilio never sends. */
const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });

/** `longest` bounds a single value: a GET's parameters travel in the URL, which Twilio keeps well under 16 KB. */
export function webhookParams(longest = 20_000): fc.Arbitrary<Record<string, string>> {
  const names = [
    'CallSid',
    'From',
    'To',
    'CallStatus',
    'Direction',
    'ConferenceSid',
    'FriendlyName',
    'StatusCallbackEvent',
    'SequenceNumber',
    'ParticipantLabel',
    'Muted',
    'Hold',
    'ReasonParticipantLeft',
    'DialCallStatus',
    'moved',
    'room',
    'episodeId',
    'show',
    'Timestamp',
    'CallDuration',
  ];
  const junk = fc.oneof(
    nastyString,
    fc.constantFrom(
      '',
      'true',
      'false',
      '-1',
      '1.5',
      '99999999999999999999',
      'participant-join',
      'participant-leave',
      'conference-end',
      'completed',
      'client:user-not-a-uuid',
      'client:',
      'hold-',
      'live-00000000-0000-4000-8000-000000000000',
      'screen-x',
    ),
    fc.integer({ min: 129, max: Math.max(129, longest) }).map((n) => 'z'.repeat(n)),
    hex32.map((h) => `CA${h}`),
    hex32.map((h) => `CF${h}`),
  );
  return fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ minLength: 1, maxLength: 12 })), junk, {
    maxKeys: 8,
  });
}
