import 'server-only';
import { logProblem } from '@/lib/log';
import { secondsPerPickup } from '@/lib/consoles/queue-order';
import { claimCues, episodePickupPace, listCueCandidates } from '@/lib/db/waiting';
import { cueKey, cueUrl } from '@/lib/telephony/cue';
import { announceToParticipant } from '@/lib/telephony/twilio-actions';
import { planCues } from './cue-plan';

/**
 * A burst of commits (a contest spike, ten callers hanging up) becomes one pass: the first request waits this
 * long for the rest, and an episode gets at most one pass per CUE_MIN_GAP_MS.
 */
const CUE_SETTLE_MS = 250;
const CUE_MIN_GAP_MS = 2000;

interface EpisodeCues {
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
  lastRunAt: number;
}

const state = globalThis as unknown as { switchboardCues?: Map<string, EpisodeCues> };
const episodes: Map<string, EpisodeCues> = (state.switchboardCues ??= new Map<string, EpisodeCues>());

/**
 * Speaks the cues one pass decides, after its commit and outside any lock: each announcement is a participant
 * update, one at a time, so a queue of 200 is told over a few seconds instead of 200 requests at once.
 */
async function runCuePass(episodeId: string): Promise<void> {
  const [candidates, pace] = await Promise.all([listCueCandidates(episodeId), episodePickupPace(episodeId)]);
  const plan = planCues(candidates, secondsPerPickup(pace));
  const claimed = await claimCues(plan.claims);
  for (const [sessionId, cue] of plan.give) {
    if (!claimed.has(sessionId)) continue;
    try {
      await announceToParticipant(cue.conferenceSid, cue.callSid, cueUrl(cue.cue));
    } catch (error) {
      // The caller moved or hung up meanwhile, or Twilio refused: forget the cue so a later pass may try again.
      await claimCues([{ sessionId, state: cue.state, seen: cueKey(cue.cue), cue: null }]).catch(() => undefined);
      logProblem('warn', 'cues', `could not cue session ${sessionId}:`, error instanceof Error ? error.message : error);
    }
  }
}

function schedule(episodeId: string, entry: EpisodeCues): void {
  const wait = Math.max(CUE_SETTLE_MS, entry.lastRunAt + CUE_MIN_GAP_MS - Date.now());
  entry.timer = setTimeout(() => {
    entry.timer = null;
    entry.running = true;
    entry.lastRunAt = Date.now();
    runCuePass(episodeId)
      .catch((error: unknown) =>
        logProblem(
          'warn',
          'cues',
          `cue pass for episode ${episodeId} failed:`,
          error instanceof Error ? error.message : error,
        ),
      )
      .finally(() => {
        entry.running = false;
        if (entry.again) {
          entry.again = false;
          schedule(episodeId, entry);
        }
      });
  }, wait);
  entry.timer.unref();
}

/**
 * Call after a commit that may change who waits where (arrivals confirmed in their hold room, pick-ups, hang-ups,
 * requeues, approvals, deck reorders): a cue pass for the episode follows shortly, coalesced and throttled.
 * Never throws and never waits for Twilio.
 */
export function requestCues(episodeId: string | null | undefined): void {
  if (!episodeId) return;
  let entry = episodes.get(episodeId);
  if (!entry) {
    entry = { timer: null, running: false, again: false, lastRunAt: 0 };
    episodes.set(episodeId, entry);
  }
  if (entry.running) entry.again = true;
  else if (!entry.timer) schedule(episodeId, entry);
}
