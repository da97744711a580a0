import 'server-only';
import { lockCallSid } from './call-sessions';
import { mapRow, queryRows, type Queryable } from './connect';
import { WITHHELD_REFUSED_REASON, type CallState } from '@/lib/telephony/call-session-machine';
import { callSessions, shows, type CallSession, type Show } from './schema';

export interface Arrival {
  callSid: string;
  from: string;
  to: string;
  /** The number to remember the caller by; null for a withheld number (no caller record at all). */
  callerNumber: string | null;
  /** The id the session gets if this call is new (its hold room is named after it). */
  sessionId: string;
  holdRoom: string;
}

export type ArrivalDecision =
  | Extract<CallState, 'queued' | 'off_air' | 'blocked' | 'queue_full' | 'contest_released'>
  | 'unknown_number'
  | 'repeat';

export interface DecidedArrival {
  decision: ArrivalDecision;
  winner: boolean;
  /** The new session, or for a repeat the one the first request made. */
  session: CallSession | null;
  show: Show | null;
  /** CallStatus values of callbacks that arrived before this webhook, now adopted by the new session. */
  earlyStatuses: string[];
}

/*
 * The whole decision in one statement. The episode row is locked by the arrival update and stays locked until
 * the commit that follows at once, so arrivals queue for one statement, not for a transaction of round trips.
 * The queue limit reads episodes.waiting, which the commit-time trigger keeps, from the very row the update
 * re-reads after waiting for the lock (a count of sessions would read this statement's older snapshot).
 * Regulars (marked by a producer, not expired) join the front lane with the producer's note on their card. A
 * withheld number ($4 null) is refused (state blocked, end reason WITHHELD_REFUSED_REASON, no arrival counted),
 * queued in the back lane, or queued like anyone, as the show's withheld_policy says.
 *   $1 CallSid  $2 To  $3 From  $4 caller number (null when withheld)  $5 new session id  $6 its hold room
 */
const DECIDE_ARRIVAL = `
with show as (
  select * from shows where phone_number = $2
), open_episode as (
  select e.id from episodes e join show s on e.show_id = s.id where e.closed_at is null
), existing as (
  select * from call_sessions where call_sid = $1
), known as (
  select id, blocked, regular_note,
         regular_since is not null and (regular_until is null or regular_until > now()) as regular
    from callers where phone_number = $4
), withheld as (
  select $4::text is null as yes, withheld_policy as policy from show
), arrival as (
  update episodes e
     set arrivals = e.arrivals + 1,
         contest_winner_session_id = case
           when e.contest_open and e.arrivals + 1 = e.contest_start_arrival + e.contest_target then $5::uuid
           else e.contest_winner_session_id end
   where e.id = (select id from open_episode) and e.closed_at is null
     and not exists (select 1 from existing)
     and not coalesce((select blocked from known), false)
     and not coalesce((select yes and policy = 'refuse' from withheld), false)
  returning e.id, e.arrivals as seq, e.waiting, e.contest_open, e.contest_target, e.contest_start_arrival
), decision as (
  select
    case
      when exists (select 1 from existing) then 'repeat'
      when not exists (select 1 from show) then 'unknown_number'
      when not exists (select 1 from open_episode) then 'off_air'
      when coalesce((select blocked from known), false) then 'blocked'
      when coalesce((select yes and policy = 'refuse' from withheld), false) then 'blocked'
      when a.id is null then 'off_air'
      when a.contest_open and a.contest_target is not null and a.contest_start_arrival is not null then
        case when a.seq = a.contest_start_arrival + a.contest_target then 'queued' else 'contest_released' end
      when a.waiting >= (select max_queue from show) then 'queue_full'
      else 'queued'
    end as state,
    coalesce(a.contest_open and a.seq = a.contest_start_arrival + a.contest_target, false) as winner,
    case
      when coalesce((select regular from known), false) then 'front'
      when coalesce((select yes and policy = 'back' from withheld), false) then 'back'
      else 'normal'
    end as lane,
    case when not coalesce((select blocked from known), false)
              and coalesce((select yes and policy = 'refuse' from withheld), false) then '${WITHHELD_REFUSED_REASON}' end as refusal,
    a.id as episode_id,
    a.seq
  from (select 1) one left join arrival a on true
), caller as (
  insert into callers (phone_number, call_count, last_call_at)
  select $4, case when d.state = 'queued' then 1 else 0 end, case when d.state = 'queued' then now() end
    from decision d
   where $4::text is not null and d.state in ('queued', 'queue_full', 'contest_released')
  on conflict (phone_number) do update
     set call_count = callers.call_count + excluded.call_count,
         last_call_at = coalesce(excluded.last_call_at, callers.last_call_at),
         updated_at = case when excluded.call_count > 0 then now() else callers.updated_at end
  returning id, name, location
), session as (
  insert into call_sessions (id, show_id, episode_id, caller_id, call_sid, from_number, state, room, queued_at,
                             arrival_seq, contest_winner, queue_lane, card_name, card_location, card_comment,
                             ended_at, end_reason)
  select $5, s.id,
         case d.state when 'off_air' then null when 'blocked' then (select id from open_episode) else d.episode_id end,
         case d.state when 'off_air' then null when 'blocked' then (select id from known) else (select id from caller) end,
         $1, $3, d.state::call_state,
         case when d.state = 'queued' then $6 end,
         case when d.state = 'queued' then now() end,
         d.seq, d.winner, d.lane::queue_lane,
         case when d.state = 'queued' then (select name from caller) end,
         case when d.state = 'queued' then (select location from caller) end,
         case when d.state = 'queued' and d.lane = 'front' then (select regular_note from known) end,
         case when d.state <> 'queued' then now() end,
         case when d.state = 'blocked' then coalesce(d.refusal, d.state) when d.state <> 'queued' then d.state end
    from decision d, show s
   where d.state not in ('repeat', 'unknown_number')
  returning *
), logged as (
  insert into call_events (session_id, call_sid, source, name, to_state, detail)
  select n.id, $1, 'twilio', 'arrived', n.state,
         jsonb_build_object('decision', n.state, 'arrival', n.arrival_seq)
           || case when n.state = 'queued' then jsonb_build_object('room', n.room) else '{}'::jsonb end
           || case when n.contest_winner then jsonb_build_object('contestWinner', true) else '{}'::jsonb end
           || case when n.queue_lane <> 'normal' then jsonb_build_object('lane', n.queue_lane) else '{}'::jsonb end
           || case when n.end_reason = '${WITHHELD_REFUSED_REASON}' then jsonb_build_object('reason', n.end_reason) else '{}'::jsonb end
    from session n
  union all
  select null, $1, 'twilio', 'unknown_number', null, jsonb_build_object('to', $2::text)
    from decision d where d.state = 'unknown_number'
  returning id
), adopted as (
  update call_events set session_id = (select id from session)
   where call_sid = $1 and session_id is null and exists (select 1 from session)
  returning id, detail->>'status' as status
)
select d.state as decision, d.winner,
       (select to_jsonb(n) from session n) as session,
       (select to_jsonb(x) from existing x) as existing,
       (select to_jsonb(s) from show s) as show,
       (select coalesce(jsonb_agg(status order by id), '[]'::jsonb) from adopted where status is not null) as early_statuses,
       (select count(*) from logged) as logged
  from decision d`;

/**
 * Decides what happens to a ringing call and records it: exactly once per CallSid (a repeat answers the session
 * the first request made), off air, blocked, the Nth arrival of a contest, queue full, or queued with its caller
 * counted. Two statements in the caller's transaction, sent together: the CallSid lock, then the decision.
 */
export async function decideArrival(arrival: Arrival, tx: Queryable): Promise<DecidedArrival> {
  // The CallSid lock comes first, in its own statement, so the decision's snapshot sees every callback that
  // committed while we waited for it (a status callback takes the same lock). Both are sent at once (pipelined
  // on Postgres); the server runs them in order.
  const locked = lockCallSid(tx, arrival.callSid);
  const decided = queryRows(tx, DECIDE_ARRIVAL, [
    arrival.callSid,
    arrival.to,
    arrival.from,
    arrival.callerNumber,
    arrival.sessionId,
    arrival.holdRoom,
  ]);
  const [, [row]] = await Promise.all([locked, decided]);
  if (!row) throw new Error('the arrival decision returned no row');
  const json = (value: unknown) =>
    (typeof value === 'string' ? (JSON.parse(value) as unknown) : value) as Record<string, unknown> | null;
  const sessionRow = json(row.session) ?? json(row.existing);
  const showRow = json(row.show);
  const statuses = json(row.early_statuses) as unknown as string[] | null;
  return {
    decision: row.decision as ArrivalDecision,
    winner: row.winner === true,
    session: sessionRow ? mapRow(callSessions, sessionRow) : null,
    show: showRow ? mapRow(shows, showRow) : null,
    earlyStatuses: statuses ?? [],
  };
}
