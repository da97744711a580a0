import type { ErrorCode } from '@/lib/errors';
import type { Role } from './roles';

/** Who may do one kind of thing, and the error code a refusal carries wherever it is checked. */
export interface Access {
  roles: readonly Role[];
  code: ErrorCode;
}

// One definition of each rule: the JSON API's wrapper checks it before reading any input, and the domain
// function checks the same rule where the data is touched (server actions and tests call those directly), so
// both refuse with the same code. Producers pass every rule (roleAllows).
export const ACCESS = {
  /** Screening and hosting: the consoles, the caller card, the browser's voice token. */
  handleCalls: { roles: ['screener', 'host'], code: 'forbidden:call' },
  /** The order of the callers on deck is the host's. */
  arrangeDeck: { roles: ['host'], code: 'forbidden:call' },
  /** Chat between host and screeners. */
  chat: { roles: ['host', 'screener'], code: 'forbidden:message' },
  /** Shows, their lines and their contests. */
  runShows: { roles: ['producer'], code: 'forbidden:show' },
  /** Ending the show (every caller still in it hears goodbye): the host wraps up on air, so hosts may too. */
  endShow: { roles: ['host'], code: 'forbidden:show' },
  /** Callers' history, the block list and the regulars. */
  manageCallers: { roles: ['producer'], code: 'forbidden:caller' },
  manageTokens: { roles: ['producer'], code: 'forbidden:token' },
  manageTeam: { roles: ['producer'], code: 'forbidden:team' },
  viewStats: { roles: ['producer'], code: 'forbidden:episode' },
  /** Asking for a reconciliation now. */
  reconcile: { roles: ['producer'], code: 'forbidden:call' },
} as const satisfies Record<string, Access>;
