import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// Relative imports: drizzle-kit loads this file without the app's path aliases.
import { ROLES } from '../auth/roles';
import { CALL_STATES } from '../telephony/call-session-machine';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const roleEnum = pgEnum('role', ROLES);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: roleEnum('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  // Carried in each session cookie; raising it (password reset, sign-out, disabling) ends every earlier session.
  sessionEpoch: integer('session_epoch').notNull().default(0),
  // Single-key shortcuts on the consoles; a person can turn them off (WCAG 2.1.4) and it follows them to any browser.
  shortcutsEnabled: boolean('shortcuts_enabled').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Sessions signed out before their cookie expires; a row outlives every copy of that cookie, then is pruned. */
export const revokedSessions = pgTable('revoked_sessions', {
  sessionId: text('session_id').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const deckAudioEnum = pgEnum('deck_audio', ['show', 'hold']);

/** What the door does with a caller whose number is withheld (`Anonymous`, `+266696687`, an empty From...). */
export const WITHHELD_POLICIES = ['accept', 'refuse', 'back'] as const;
export type WithheldPolicy = (typeof WITHHELD_POLICIES)[number];
export const withheldPolicyEnum = pgEnum('withheld_policy', WITHHELD_POLICIES);

/** Where a waiting caller stands: regulars ahead of everyone, withheld numbers behind everyone when the show says so. */
export const QUEUE_LANES = ['front', 'normal', 'back'] as const;
export type QueueLane = (typeof QUEUE_LANES)[number];
export const queueLaneEnum = pgEnum('queue_lane', QUEUE_LANES);

export const shows = pgTable('shows', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  phoneNumber: text('phone_number').notNull().unique(),
  greeting: text('greeting').notNull(),
  offAirMessage: text('off_air_message')
    .notNull()
    .default('The lines are closed right now. Please call back during the show.'),
  holdAudioUrl: text('hold_audio_url'),
  maxQueue: integer('max_queue').notNull().default(20),
  // What callers on deck hear: the live show, or hold audio via the participant's Hold/HoldUrl.
  deckAudio: deckAudioEnum('deck_audio').notNull().default('show'),
  // How many callers may be on air at once; the host console warns at the limit and the server refuses past it.
  onAirLimit: integer('on_air_limit').notNull().default(3),
  withheldPolicy: withheldPolicyEnum('withheld_policy').notNull().default('accept'),
  // Seconds on hold before the hold audio offers a callback; 0 turns callbacks off (no offer, star does nothing).
  callbackOfferAfter: integer('callback_offer_after').notNull().default(60),
  // A ringback that is busy, unanswered or failed is tried once more (true) or ends there (false).
  callbackRetry: boolean('callback_retry').notNull().default(true),
  // Bumped (by triggers, at commit) in the same transaction as every change a console shows: sessions, chat, the
  // episode, callers' history, staff names. A console poll compares it and answers 304 without reading the rest.
  consoleVersion: bigint('console_version', { mode: 'number' }).notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Show = typeof shows.$inferSelect;
export type NewShow = typeof shows.$inferInsert;

export const episodes = pgTable(
  'episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    showId: uuid('show_id')
      .notNull()
      .references(() => shows.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    openedBy: uuid('opened_by').references(() => users.id),
    // Arrival counter: incremented under the episode's row lock so the Nth caller is unambiguous.
    arrivals: integer('arrivals').notNull().default(0),
    // Sessions of this episode in a waiting state, kept by a trigger at commit: the door's queue limit reads it
    // under the same row lock as the arrival count, without counting sessions.
    waiting: integer('waiting').notNull().default(0),
    contestTarget: integer('contest_target'),
    contestOpen: boolean('contest_open').notNull().default(false),
    contestStartArrival: integer('contest_start_arrival'),
    contestWinnerSessionId: uuid('contest_winner_session_id'),
    createdAt: createdAt(),
  },
  (t) => [
    // At most one open episode per show: "lines open" is a fact about the show, not a UI flag.
    uniqueIndex('episodes_one_open_per_show')
      .on(t.showId)
      .where(sql`${t.closedAt} is null`),
    index('episodes_show_idx').on(t.showId, t.openedAt),
  ],
);
export type Episode = typeof episodes.$inferSelect;
export type NewEpisode = typeof episodes.$inferInsert;

export const callers = pgTable('callers', {
  id: uuid('id').primaryKey().defaultRandom(),
  phoneNumber: text('phone_number').notNull().unique(),
  name: text('name'),
  location: text('location'),
  notes: text('notes'),
  flags: text('flags')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  callCount: integer('call_count').notNull().default(0),
  airedCount: integer('aired_count').notNull().default(0),
  lastCallAt: timestamp('last_call_at', { withTimezone: true }),
  lastAiredAt: timestamp('last_aired_at', { withTimezone: true }),
  blocked: boolean('blocked').notNull().default(false),
  blockedReason: text('blocked_reason'),
  blockedAt: timestamp('blocked_at', { withTimezone: true }),
  blockedBy: uuid('blocked_by').references(() => users.id),
  // A trusted regular (marked by a producer) goes to the front of the queue until regular_until, if set.
  regularSince: timestamp('regular_since', { withTimezone: true }),
  regularUntil: timestamp('regular_until', { withTimezone: true }),
  regularNote: text('regular_note'),
  regularBy: uuid('regular_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Caller = typeof callers.$inferSelect;
export type NewCaller = typeof callers.$inferInsert;

export const callStateEnum = pgEnum('call_state', CALL_STATES);

export const priorityEnum = pgEnum('card_priority', ['low', 'normal', 'high']);

export const callSessions = pgTable(
  'call_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    showId: uuid('show_id')
      .notNull()
      .references(() => shows.id),
    // Null for calls that never entered an episode (lines closed).
    episodeId: uuid('episode_id').references(() => episodes.id),
    callerId: uuid('caller_id').references(() => callers.id),
    callSid: text('call_sid').notNull().unique(),
    fromNumber: text('from_number').notNull(),
    state: callStateEnum('state').notNull().default('ringing'),
    version: integer('version').notNull().default(0),
    // Where the database says the call belongs, and where Twilio last confirmed it is.
    room: text('room'),
    confirmedRoom: text('confirmed_room'),
    // The Twilio conference (CF...) the call was last confirmed in, so participant updates need no lookup.
    conferenceSid: text('conference_sid'),
    pendingCommand: text('pending_command'),
    attention: text('attention'),
    screenerId: uuid('screener_id').references(() => users.id),
    arrivalSeq: integer('arrival_seq'),
    contestWinner: boolean('contest_winner').notNull().default(false),
    queueLane: queueLaneEnum('queue_lane').notNull().default('normal'),
    // The last cue this caller heard ("position:3", "next"), so a cue is spoken once per change.
    cue: text('cue'),
    deckPosition: doublePrecision('deck_position'),
    muted: boolean('muted').notNull().default(false),
    cardName: text('card_name'),
    cardLocation: text('card_location'),
    cardTopic: text('card_topic'),
    cardComment: text('card_comment'),
    cardPriority: priorityEnum('card_priority').notNull().default('normal'),
    rejectReason: text('reject_reason'),
    endReason: text('end_reason'),
    lastStatusSequence: integer('last_status_sequence').notNull().default(-1),
    // Ringbacks placed so far (an outbound call's callbacks name theirs, so a late one cannot adopt the session),
    // and whether this pickup's one retry is used.
    ringbackAttempts: integer('ringback_attempts').notNull().default(0),
    ringbackRetried: boolean('ringback_retried').notNull().default(false),
    callbackOfferedAt: timestamp('callback_offered_at', { withTimezone: true }),
    createdAt: createdAt(),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    screeningAt: timestamp('screening_at', { withTimezone: true }),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    onAirAt: timestamp('on_air_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('call_sessions_episode_state_idx').on(t.episodeId, t.state),
    index('call_sessions_caller_idx').on(t.callerId),
    index('call_sessions_from_idx').on(t.fromNumber),
  ],
);
export type CallSession = typeof callSessions.$inferSelect;
export type NewCallSession = typeof callSessions.$inferInsert;

export const callEvents = pgTable(
  'call_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // Null while a Twilio callback has arrived for a CallSid whose session does not exist yet.
    sessionId: uuid('session_id').references(() => callSessions.id),
    callSid: text('call_sid'),
    source: text('source', { enum: ['command', 'twilio', 'system'] }).notNull(),
    name: text('name').notNull(),
    fromState: callStateEnum('from_state'),
    toState: callStateEnum('to_state'),
    actorId: uuid('actor_id').references(() => users.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    // Identifies a Twilio callback so that an at-least-once redelivery is recorded once.
    dedupeKey: text('dedupe_key').unique(),
    createdAt: createdAt(),
  },
  (t) => [index('call_events_session_idx').on(t.sessionId, t.id), index('call_events_call_sid_idx').on(t.callSid)],
);
export type CallEvent = typeof callEvents.$inferSelect;
export type NewCallEvent = typeof callEvents.$inferInsert;

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('messages_episode_idx').on(t.episodeId, t.id)],
);
export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // One row per sign-in attempt that was let through to the password check and has not succeeded (yet):
    // counted per account, and per client address by the distinct accounts tried from it.
    account: text('account').notNull(),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_attempts_account_idx').on(t.account, t.createdAt),
    index('login_attempts_address_idx').on(t.address, t.createdAt),
  ],
);
export type LoginAttempt = typeof loginAttempts.$inferSelect;

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  // SHA-256 of the token; the token itself is shown once when issued.
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
});
export type ApiToken = typeof apiTokens.$inferSelect;
export type NewApiToken = typeof apiTokens.$inferInsert;

export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: updatedAt(),
});
export type AppStateRow = typeof appState.$inferSelect;
