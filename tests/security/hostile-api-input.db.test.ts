import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db/client';
import { listShows } from '@/lib/db/shows';
import { listUsers } from '@/lib/db/users';
import { runAction } from '@/lib/actions/run-action';
import { closeLines } from '@/lib/calls/lines';
import { chatMessageSchema } from '@/lib/consoles/chat';
import { errorResponse } from '@/lib/errors';
import { createShow } from '@/lib/shows/manage-shows';
import { createTeamMember } from '@/lib/team/manage-team';
import { NUL_MESSAGE, parseInput } from '@/lib/validation/parse';
import { expectAppError } from '@/tests/support/expect-app-error';
import { createActor, SHOW_FORM } from '@/tests/support/factories';
import { truncateAll } from '@/tests/support/test-database';

/**
 * Input a person (or an attacker with a session) can send to the JSON API and the server actions: each gets a
 * 4xx that names the problem, never a 500, and a failure inside the database never writes a caller's number to
 * the log.
 */

beforeEach(async () => truncateAll(await getDbHandle()));

const show = SHOW_FORM;

describe('a NUL character in a text field', () => {
  it('is refused with a 400 naming the field, in every text field of a show, and nothing is stored', async () => {
    const producer = await createActor('producer');
    for (const field of ['name', 'slug', 'greeting', 'offAirMessage', 'holdAudioUrl', 'maxQueue']) {
      const error = await expectAppError(createShow(producer, { ...show, [field]: `bad\u0000value` }));
      expect(error.status, field).toBe(400);
      expect(error.fields?.[field], field).toEqual([NUL_MESSAGE]);
    }
    expect(await listShows()).toEqual([]);
  });

  it('is refused with a 400 in a team member’s name, in a chat message, in a nested field and in a key', async () => {
    const producer = await createActor('producer');
    const member = await expectAppError(
      createTeamMember(producer, {
        name: 'Sam\u0000',
        email: 'sam@switchboard.test',
        password: 'long-enough-password',
        role: 'screener',
      }),
    );
    expect(member).toMatchObject({ status: 400, fields: { name: [NUL_MESSAGE] } });
    expect((await listUsers()).map((u) => u.email)).toEqual([producer.email]);
    expect(() => parseInput(chatMessageSchema, { body: 'hello\u0000' })).toThrow(NUL_MESSAGE);
    expect(() => parseInput(chatMessageSchema, { card: { notes: ['fine', 'x\u0000'] } })).toThrow(/card\.notes\.1: /);
    expect(() => parseInput(chatMessageSchema, { ['bo\u0000dy']: 'hi' })).toThrow(NUL_MESSAGE);
  });
});

describe('closing the lines of a show that does not exist', () => {
  it('is a 404 for the show, not a 409 about its lines', async () => {
    const producer = await createActor('producer');
    const error = await expectAppError(closeLines(producer, '00000000-0000-4000-8000-000000000000'));
    expect(error).toMatchObject({ status: 404, code: 'not_found:show' });
  });
});

describe('a failed query in the log', () => {
  const logged: string[] = [];
  beforeEach(() => {
    logged.length = 0;
    for (const level of ['error', 'warn', 'log', 'info'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
  });
  afterEach(() => vi.restoreAllMocks());

  async function failingQuery(number: string): Promise<unknown> {
    const { db } = await getDbHandle();
    return db.execute(sql`select ${number}::integer as n`).then(
      () => new Error('the query was meant to fail'),
      (error: unknown) => error,
    );
  }

  it('is logged (as a 500 from a route, or from a server action) without the caller’s number in its text, parameters or cause', async () => {
    const number = '+14155557491';
    const error = await failingQuery(number);
    const response = errorResponse(error);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('4155557491');
    const state = await runAction(async () => {
      throw await failingQuery(number);
    });
    expect(state.ok).toBe(false);
    expect(logged.length, 'both failures were logged').toBeGreaterThanOrEqual(2);
    expect(logged.join('\n')).toMatch(/select/i);
    expect(logged.filter((line) => line.includes('4155557491'))).toEqual([]);
  });
});
