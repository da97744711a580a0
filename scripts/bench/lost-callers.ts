import { ENDED_CALL_STATUSES, TERMINAL_STATES } from '@/lib/telephony/call-session-machine';
import type { SessionRow } from './database';
import type { EmulatorCall } from './emulator-client';

export interface ExpectedCall {
  sid: string;
  /** The DB state this call must end in, given what the bench did with it. */
  expect: (row: SessionRow) => boolean;
  describe: string;
}

export interface LostReport {
  checked: number;
  lost: number;
  /** The first few problems, in words. */
  problems: string[];
  sessionsWithoutCall: number;
}

const TERMINAL_DB: ReadonlySet<string> = new Set(TERMINAL_STATES);

/**
 * A caller is lost unless the emulator says the call ended and the database holds exactly one session for it,
 * in a terminal state that matches what happened to the call.
 */
export function findLostCallers(
  expected: ExpectedCall[],
  emulatorCalls: EmulatorCall[],
  rows: SessionRow[],
  benchSids: ReadonlySet<string>,
): LostReport {
  const calls = new Map(emulatorCalls.map((c) => [c.sid, c]));
  const bySid = new Map<string, SessionRow[]>();
  for (const row of rows) bySid.set(row.callSid, [...(bySid.get(row.callSid) ?? []), row]);
  const problems: string[] = [];
  let lost = 0;
  for (const call of expected) {
    const truth = calls.get(call.sid);
    const sessions = bySid.get(call.sid) ?? [];
    const session = sessions[0];
    let problem: string | null = null;
    if (!truth || !ENDED_CALL_STATUSES.has(truth.status)) problem = `the emulator has it ${truth?.status ?? 'missing'}`;
    else if (sessions.length !== 1 || !session) problem = `${sessions.length} sessions`;
    else if (!TERMINAL_DB.has(session.state)) problem = `session still ${session.state}`;
    else if (!call.expect(session))
      problem = `session ${session.state}/${session.endReason ?? '-'}, expected ${call.describe}`;
    if (problem) {
      lost += 1;
      if (problems.length < 10) problems.push(`${call.sid}: ${problem}`);
    }
  }
  const sessionsWithoutCall = rows.filter((row) => !benchSids.has(row.callSid)).length;
  return { checked: expected.length, lost, problems, sessionsWithoutCall };
}
