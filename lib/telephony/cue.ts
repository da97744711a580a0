import 'server-only';
import { publicUrl } from './config';
import { announcementTwiml, MESSAGES, positionCueText } from './twiml';
import type { cueSchema } from './webhook-schemas';
import type { z } from 'zod';

/** What one caller is told while waiting: their place and wait, or (on deck) that they are next. */
export type Cue = { kind: 'position'; position: number; waitSeconds: number | null } | { kind: 'next' };

const CUE_PATH = '/api/twilio/cue';

/** The cue as the session remembers it: a new key is a change worth speaking; the wait alone is not. */
export function cueKey(cue: Cue): string {
  return cue.kind === 'next' ? 'next' : `position:${cue.position}`;
}

/**
 * The AnnounceUrl for a cue: everything to say is in the (signed) query, so answering it needs no database and
 * nobody can make it say anything but a number.
 */
export function cueUrl(cue: Cue): string {
  const query = new URLSearchParams({ cue: cue.kind });
  if (cue.kind === 'position') {
    query.set('position', String(cue.position));
    if (cue.waitSeconds !== null) query.set('wait', String(cue.waitSeconds));
  }
  return publicUrl(`${CUE_PATH}?${query.toString()}`);
}

/** The announcement document for a cue URL's query. */
export function cueTwiml(query: z.infer<typeof cueSchema>): string {
  return announcementTwiml(
    query.cue === 'next' ? MESSAGES.youreNext : positionCueText(query.position, query.wait ?? null),
  );
}
