import type { E2eRole } from './e2e-env';

/**
 * Who may use each route. This is the access specification the route test holds the app to: every page and
 * route handler under app/ must appear here, and each must refuse everyone the rule does not name.
 * - 'public': anyone, signed in or not.
 * - 'signed-in': any active account.
 * - 'twilio': only requests signed by Twilio (X-Twilio-Signature); everyone else gets 403.
 * - a list of roles: those roles (producers are always allowed).
 * - per method, where a route's methods differ (e.g. anyone on the team reads, only producers write).
 */
export type AccessRule = 'public' | 'signed-in' | 'twilio' | readonly E2eRole[];
export type RouteRule = AccessRule | { readonly [method: string]: AccessRule };

export const ROUTE_ACCESS: Record<string, RouteRule> = {
  '/': 'signed-in',
  '/login': 'public',
  // Rehearsal mode only (404 when Twilio is configured): anyone may ring the show from a made-up number.
  '/simulator': 'public',
  '/api/auth/[...nextauth]': 'public',
  '/api/health': 'public',
  '/screen': ['screener'],
  '/host': ['host'],
  '/producer': ['producer'],
  '/producer/team': ['producer'],
  '/producer/shows': ['producer'],
  '/producer/shows/new': ['producer'],
  '/producer/shows/[id]': ['producer'],
  '/api/twilio/voice': 'twilio',
  '/api/twilio/device': 'twilio',
  '/api/twilio/dial-action': 'twilio',
  '/api/twilio/status': 'twilio',
  '/api/twilio/conference-status': 'twilio',
  '/api/twilio/baseline': 'twilio',
  '/api/twilio/cue': 'twilio',
  '/api/twilio/callback-choice': 'twilio',
  '/api/twilio/callback-offer': 'twilio',
  '/api/twilio/ringback': 'twilio',
  // Checked with the sample command 'pickup', which only screeners (and producers) may give.
  '/api/calls/[id]/[command]': ['screener'],
  '/api/calls/[id]/card': ['screener', 'host'],
  '/api/episodes/[id]/contest': ['producer'],
  '/api/shows/[id]/lines': { GET: ['screener', 'host'], POST: ['producer'], DELETE: ['producer'] },
  '/api/shows/[id]/end': ['host'],
  '/api/reconcile': ['producer'],
  '/api/voice-token': ['screener', 'host'],
  '/api/shows/[id]/console': ['screener', 'host'],
  '/api/episodes/[id]/messages': ['screener', 'host'],
  '/api/episodes/[id]/deck-order': ['host'],
  '/api/blocks': ['producer'],
  '/api/blocks/[id]': ['producer'],
  '/api/regulars': ['producer'],
  '/api/regulars/[id]': ['producer'],
  '/api/history/export': ['producer'],
  '/api/tokens': ['producer'],
  '/api/tokens/[id]': ['producer'],
  '/producer/history': ['producer'],
  '/producer/stats': ['producer'],
  '/producer/blocks': ['producer'],
  '/producer/regulars': ['producer'],
  '/producer/tokens': ['producer'],
};

/** Sample values for dynamic segments; ids that exist nowhere, so a permitted request may still answer 400/404. */
export const SEGMENT_SAMPLES: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  command: 'pickup',
  nextauth: 'session',
};

/** The rule for one method of a route. */
export function ruleFor(rule: RouteRule, method: string): AccessRule {
  if (typeof rule === 'string' || Array.isArray(rule)) return rule as AccessRule;
  const perMethod = (rule as { readonly [method: string]: AccessRule })[method];
  if (!perMethod) throw new Error(`no access rule for ${method}`);
  return perMethod;
}

export function allows(rule: AccessRule, role: E2eRole | null): boolean {
  if (rule === 'public') return true;
  if (rule === 'twilio') return false;
  if (role === null) return false;
  if (rule === 'signed-in') return true;
  return role === 'producer' || rule.includes(role);
}
