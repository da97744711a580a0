import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Engine } from '../engine/context';
import { notFound } from '../errors';
import type { Router } from '../http/router';
import { newSid } from '../sids';
import type { ApiKeyRecord } from '../types';
import { formObject, parseForm } from './form';
import { paginate } from './paging';
import { restPath, SEGMENT } from './rest-path';
import { keyJson } from './serialize';

const schema = z.object({ FriendlyName: z.string().max(64).optional() });

function find(engine: Engine, sid: string): ApiKeyRecord {
  const key = engine.store.keys.get(sid);
  if (!key) throw notFound(`Key ${sid}`);
  return key;
}

/** API keys (Keys.json): the secret is shown once, on create, as on Twilio. */
export function registerKeyRoutes(router: Router, engine: Engine): void {
  router.on('POST', restPath('/Keys\\.json'), (ctx) => {
    const p = parseForm(schema, formObject(ctx.form));
    const now = Date.now();
    const key: ApiKeyRecord = {
      sid: newSid('SK'),
      secret: randomBytes(16).toString('hex'),
      friendlyName: p.FriendlyName ?? '',
      dateCreated: now,
      dateUpdated: now,
    };
    engine.store.keys.set(key.sid, key);
    return { status: 201, body: keyJson(key, true) };
  });

  router.on('GET', restPath('/Keys\\.json'), (ctx) => ({
    status: 200,
    body: paginate(
      [...engine.store.keys.values()].map((k) => keyJson(k, false)),
      ctx.query,
      ctx.path,
      'keys',
    ),
  }));

  router.on('GET', restPath(`/Keys/${SEGMENT}\\.json`), (ctx) => ({
    status: 200,
    body: keyJson(find(engine, ctx.params[0] ?? ''), false),
  }));

  router.on('POST', restPath(`/Keys/${SEGMENT}\\.json`), (ctx) => {
    const key = find(engine, ctx.params[0] ?? '');
    const p = parseForm(schema, formObject(ctx.form));
    if (p.FriendlyName !== undefined) key.friendlyName = p.FriendlyName;
    key.dateUpdated = Date.now();
    return { status: 200, body: keyJson(key, false) };
  });

  router.on('DELETE', restPath(`/Keys/${SEGMENT}\\.json`), (ctx) => {
    engine.store.keys.delete(find(engine, ctx.params[0] ?? '').sid);
    return { status: 204 };
  });
}
