import { beforeEach, describe, expect, it } from 'vitest';
import { getDbHandle } from '@/lib/db/client';
import { findShowByPhoneNumber, listShows } from '@/lib/db/shows';
import { expectAppError } from '@/tests/support/expect-app-error';
import { createActor, SHOW_FORM } from '@/tests/support/factories';
import { truncateAll } from '@/tests/support/test-database';
import { createShow, updateShow } from './manage-shows';

beforeEach(async () => truncateAll(await getDbHandle()));

const valid = SHOW_FORM;

describe('shows', () => {
  it('a producer creates a show from form values', async () => {
    const producer = await createActor('producer');
    const show = await createShow(producer, valid);
    expect(show).toMatchObject({ name: 'Drive Time', maxQueue: 12, holdAudioUrl: null, deckAudio: 'hold' });
    expect((await findShowByPhoneNumber('+14155550100'))?.id).toBe(show.id);
  });

  it('refuses a phone number that is not E.164 and stores nothing', async () => {
    const producer = await createActor('producer');
    for (const phoneNumber of ['4155550100', '+0123456789', '+1 415 555 0100', '+1415555010012345']) {
      const error = await expectAppError(createShow(producer, { ...valid, phoneNumber }));
      expect(error.fields?.phoneNumber?.[0]).toMatch(/E\.164/);
    }
    expect(await listShows()).toEqual([]);
  });

  it('refuses a queue limit beyond what a conference can hold, and a hold audio URL that is not http(s)', async () => {
    const producer = await createActor('producer');
    const error = await expectAppError(
      createShow(producer, { ...valid, maxQueue: '400', holdAudioUrl: 'ftp://example.com/a.mp3' }),
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['holdAudioUrl', 'maxQueue']);
  });

  it('keeps the withheld-number setting: accept unless the producer chooses refuse or back, nothing else', async () => {
    const producer = await createActor('producer');
    const show = await createShow(producer, valid);
    expect(show.withheldPolicy).toBe('accept');
    expect((await updateShow(producer, show.id, { ...valid, withheldPolicy: 'refuse' })).withheldPolicy).toBe('refuse');
    expect((await updateShow(producer, show.id, { ...valid, withheldPolicy: 'back' })).withheldPolicy).toBe('back');
    const error = await expectAppError(updateShow(producer, show.id, { ...valid, withheldPolicy: 'hang-up' }));
    expect(Object.keys(error.fields ?? {})).toEqual(['withheldPolicy']);
    expect((await findShowByPhoneNumber(valid.phoneNumber))?.withheldPolicy).toBe('back');
  });

  it('refuses a number or slug another show already uses', async () => {
    const producer = await createActor('producer');
    await createShow(producer, valid);
    const sameNumber = await expectAppError(createShow(producer, { ...valid, slug: 'other' }));
    expect(sameNumber).toMatchObject({
      status: 409,
      fields: { phoneNumber: ['Another show already uses that phone number.'] },
    });
    const sameSlug = await expectAppError(createShow(producer, { ...valid, phoneNumber: '+14155550101' }));
    expect(sameSlug).toMatchObject({ status: 409, fields: { slug: ['Another show already uses that slug.'] } });
  });

  it('updates a show, and refuses hosts and screeners', async () => {
    const producer = await createActor('producer');
    const show = await createShow(producer, valid);
    expect(await updateShow(producer, show.id, { ...valid, greeting: 'Hello again.' })).toMatchObject({
      greeting: 'Hello again.',
    });
    const host = await createActor('host');
    expect((await expectAppError(updateShow(host, show.id, { ...valid, greeting: 'Hijack' }))).code).toBe(
      'forbidden:show',
    );
    expect((await findShowByPhoneNumber(valid.phoneNumber))?.greeting).toBe('Hello again.');
  });
});
