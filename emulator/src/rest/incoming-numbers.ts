import { z } from 'zod';
import type { Engine } from '../engine/context';
import { badRequest, notFound } from '../errors';
import type { Router } from '../http/router';
import { newSid } from '../sids';
import type { IncomingNumberRecord } from '../types';
import { formObject, parseForm } from './form';
import { paginate } from './paging';
import { restPath, SEGMENT } from './rest-path';
import { numberJson } from './serialize';
import { applyVoiceSettings, VOICE_SETTINGS_CODES, voiceSettingsFields } from './voice-settings';

const fields = {
  ...voiceSettingsFields,
  VoiceApplicationSid: z.union([z.literal(''), z.string().regex(/^AP[0-9a-f]{32}$/)]).optional(),
};
const createSchema = z.object({ PhoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/), ...fields });
const updateSchema = z.object(fields);
const CODES = { PhoneNumber: 21421, ...VOICE_SETTINGS_CODES, VoiceApplicationSid: 21606 };

function apply(engine: Engine, number: IncomingNumberRecord, p: z.output<typeof updateSchema>): void {
  if (p.VoiceApplicationSid && !engine.store.applications.has(p.VoiceApplicationSid)) {
    throw badRequest(21606, `VoiceApplicationSid ${p.VoiceApplicationSid} is not a valid application`);
  }
  if (p.VoiceApplicationSid !== undefined)
    number.voiceApplicationSid = p.VoiceApplicationSid === '' ? null : p.VoiceApplicationSid;
  applyVoiceSettings(number, p);
}

function find(engine: Engine, sid: string): IncomingNumberRecord {
  const number = engine.store.numbers.get(sid);
  if (!number) throw notFound(`IncomingPhoneNumber ${sid}`);
  return number;
}

export function registerIncomingNumberRoutes(router: Router, engine: Engine): void {
  const sid = () => engine.options.accountSid;

  router.on('GET', restPath('/IncomingPhoneNumbers\\.json'), (ctx) => {
    const q = ctx.query;
    const phone = q.get('PhoneNumber');
    const name = q.get('FriendlyName');
    const list = [...engine.store.numbers.values()].filter(
      (n) => (!phone || n.phoneNumber.includes(phone)) && (!name || n.friendlyName === name),
    );
    return {
      status: 200,
      body: paginate(
        list.map((n) => numberJson(sid(), n)),
        q,
        ctx.path,
        'incoming_phone_numbers',
      ),
    };
  });

  /** Buying a number: only the numbers the emulator owns can be provisioned, each once. */
  router.on('POST', restPath('/IncomingPhoneNumbers\\.json'), (ctx) => {
    const p = parseForm(createSchema, formObject(ctx.form), CODES);
    if (!engine.options.numbers.includes(p.PhoneNumber))
      throw badRequest(21422, `PhoneNumber ${p.PhoneNumber} is not available`);
    if (engine.store.numberByPhone(p.PhoneNumber))
      throw badRequest(21422, `PhoneNumber ${p.PhoneNumber} is already provisioned`);
    const now = Date.now();
    const number: IncomingNumberRecord = {
      sid: newSid('PN'),
      phoneNumber: p.PhoneNumber,
      friendlyName: p.PhoneNumber,
      voiceUrl: null,
      voiceMethod: 'POST',
      voiceFallbackUrl: null,
      voiceFallbackMethod: 'POST',
      statusCallback: null,
      statusCallbackMethod: 'POST',
      voiceApplicationSid: null,
      dateCreated: now,
      dateUpdated: now,
    };
    apply(engine, number, p);
    engine.store.numbers.set(number.sid, number);
    return { status: 201, body: numberJson(sid(), number) };
  });

  router.on('GET', restPath(`/IncomingPhoneNumbers/${SEGMENT}\\.json`), (ctx) => ({
    status: 200,
    body: numberJson(sid(), find(engine, ctx.params[0] ?? '')),
  }));

  router.on('POST', restPath(`/IncomingPhoneNumbers/${SEGMENT}\\.json`), (ctx) => {
    const number = find(engine, ctx.params[0] ?? '');
    apply(engine, number, parseForm(updateSchema, formObject(ctx.form), CODES));
    return { status: 200, body: numberJson(sid(), number) };
  });

  router.on('DELETE', restPath(`/IncomingPhoneNumbers/${SEGMENT}\\.json`), (ctx) => {
    engine.store.numbers.delete(find(engine, ctx.params[0] ?? '').sid);
    return { status: 204 };
  });
}
