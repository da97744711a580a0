import { z } from 'zod';
import type { Engine } from '../engine/context';
import { notFound } from '../errors';
import type { Router } from '../http/router';
import { newSid } from '../sids';
import type { ApplicationRecord } from '../types';
import { formObject, parseForm } from './form';
import { paginate } from './paging';
import { restPath, SEGMENT } from './rest-path';
import { applicationJson } from './serialize';
import { applyVoiceSettings, VOICE_SETTINGS_CODES, voiceSettingsFields } from './voice-settings';

const schema = z.object(voiceSettingsFields);
const CODES = VOICE_SETTINGS_CODES;

function find(engine: Engine, sid: string): ApplicationRecord {
  const app = engine.store.applications.get(sid);
  if (!app) throw notFound(`Application ${sid}`);
  return app;
}

export function registerApplicationRoutes(router: Router, engine: Engine): void {
  const sid = () => engine.options.accountSid;

  router.on('GET', restPath('/Applications\\.json'), (ctx) => {
    const name = ctx.query.get('FriendlyName');
    const list = [...engine.store.applications.values()].filter((a) => !name || a.friendlyName === name);
    return {
      status: 200,
      body: paginate(
        list.map((a) => applicationJson(sid(), a)),
        ctx.query,
        ctx.path,
        'applications',
      ),
    };
  });

  router.on('POST', restPath('/Applications\\.json'), (ctx) => {
    const now = Date.now();
    const app: ApplicationRecord = {
      sid: newSid('AP'),
      friendlyName: '',
      voiceUrl: null,
      voiceMethod: 'POST',
      voiceFallbackUrl: null,
      voiceFallbackMethod: 'POST',
      statusCallback: null,
      statusCallbackMethod: 'POST',
      dateCreated: now,
      dateUpdated: now,
    };
    applyVoiceSettings(app, parseForm(schema, formObject(ctx.form), CODES));
    engine.store.applications.set(app.sid, app);
    return { status: 201, body: applicationJson(sid(), app) };
  });

  router.on('GET', restPath(`/Applications/${SEGMENT}\\.json`), (ctx) => ({
    status: 200,
    body: applicationJson(sid(), find(engine, ctx.params[0] ?? '')),
  }));

  router.on('POST', restPath(`/Applications/${SEGMENT}\\.json`), (ctx) => {
    const app = find(engine, ctx.params[0] ?? '');
    applyVoiceSettings(app, parseForm(schema, formObject(ctx.form), CODES));
    return { status: 200, body: applicationJson(sid(), app) };
  });

  router.on('DELETE', restPath(`/Applications/${SEGMENT}\\.json`), (ctx) => {
    engine.store.applications.delete(find(engine, ctx.params[0] ?? '').sid);
    return { status: 204 };
  });
}
