import { randomBytes } from 'node:crypto';
import type { Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db/client';
import { episodes, shows, type Episode, type Show } from '@/lib/db/schema';
import { createActor } from './factories';
import type { Role } from '@/lib/auth/roles';

export interface CallFixture {
  show: Show;
  episode: Episode | null;
  producer: Actor;
  host: Actor;
  screener: Actor;
  screener2: Actor;
}

function makeUser(db: Db, role: Role, name: string): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}.${randomBytes(3).toString('hex')}@switchboard.test`;
  return createActor(role, { db, name, email });
}

/** A producer, a host, two screeners and a show, with its lines open unless told otherwise. */
export async function createCallFixture(
  db: Db,
  options: {
    phoneNumber?: string;
    open?: boolean;
    maxQueue?: number;
    deckAudio?: 'show' | 'hold';
    holdAudioUrl?: string;
  } = {},
): Promise<CallFixture> {
  const producer = await makeUser(db, 'producer', 'Pat Producer');
  const host = await makeUser(db, 'host', 'Harper Host');
  const screener = await makeUser(db, 'screener', 'Sam Screener');
  const screener2 = await makeUser(db, 'screener', 'Sky Screener');
  const [show] = await db
    .insert(shows)
    .values({
      name: 'Test Call-In',
      slug: `test-${randomBytes(4).toString('hex')}`,
      phoneNumber: options.phoneNumber ?? '+15005550006',
      greeting: 'Thanks for calling the test show.',
      offAirMessage: 'The test show is off the air.',
      maxQueue: options.maxQueue ?? 20,
      deckAudio: options.deckAudio ?? 'show',
      holdAudioUrl: options.holdAudioUrl ?? null,
    })
    .returning();
  if (!show) throw new Error('show insert returned no row');
  let episode: Episode | null = null;
  if (options.open !== false) {
    const [row] = await db
      .insert(episodes)
      .values({ showId: show.id, title: 'Test episode', openedBy: producer.id })
      .returning();
    episode = row ?? null;
  }
  return { show, episode, producer, host, screener, screener2 };
}

let counter = 0;
/** A fresh, well-formed CallSid. */
export function newCallSid(): string {
  counter += 1;
  return `CA${randomBytes(12).toString('hex')}${counter.toString(16).padStart(8, '0')}`;
}
