import { z } from 'zod';
import { announce, endConferenceViaApi } from '../engine/conference-ops';
import type { Engine } from '../engine/context';
import { recordNotification } from '../engine/notify';
import { badRequest, notFound } from '../errors';
import type { Router } from '../http/router';
import type { ConferenceRecord } from '../types';
import { absoluteUrl, formMethod, formObject, parseForm } from './form';
import { paginate } from './paging';
import { restPath, SEGMENT } from './rest-path';
import { conferenceJson } from './serialize';

const updateSchema = z.object({
  Status: z.literal('completed').optional(),
  AnnounceUrl: absoluteUrl.optional(),
  AnnounceMethod: formMethod.default('POST'),
});

export function findConference(engine: Engine, sid: string): ConferenceRecord {
  const conference = engine.store.conferences.get(sid);
  if (!conference) throw notFound(`Conference ${sid}`);
  return conference;
}

export function registerConferenceRoutes(router: Router, engine: Engine): void {
  const sid = () => engine.options.accountSid;

  router.on('GET', restPath('/Conferences\\.json'), (ctx) => {
    const q = ctx.query;
    const status = q.get('Status');
    const name = q.get('FriendlyName');
    const list = [...engine.store.conferences.values()]
      .reverse()
      .filter((c) => (!status || c.status === status) && (!name || c.friendlyName === name));
    return {
      status: 200,
      body: paginate(
        list.map((c) => conferenceJson(sid(), c)),
        q,
        ctx.path,
        'conferences',
      ),
    };
  });

  router.on('GET', restPath(`/Conferences/${SEGMENT}\\.json`), (ctx) => ({
    status: 200,
    body: conferenceJson(sid(), findConference(engine, ctx.params[0] ?? '')),
  }));

  router.on('POST', restPath(`/Conferences/${SEGMENT}\\.json`), (ctx) => {
    const conference = findConference(engine, ctx.params[0] ?? '');
    const p = parseForm(updateSchema, formObject(ctx.form), { Status: 21218, AnnounceUrl: 21205 });
    if (conference.status === 'completed' && (p.Status || p.AnnounceUrl))
      throw badRequest(21220, 'Conference is not in-progress');
    if (p.AnnounceUrl) {
      announce(engine, conference, p.AnnounceUrl, p.AnnounceMethod).catch((error: unknown) =>
        recordNotification(engine, null, 12400, `announcement failed: ${String(error)}`),
      );
    }
    if (p.Status === 'completed') endConferenceViaApi(engine, conference);
    return { status: 200, body: conferenceJson(sid(), conference) };
  });
}
