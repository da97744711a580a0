import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { chatMessageSchema, postChatMessage } from '@/lib/consoles/chat';

/** POST /api/episodes/{id}/messages: a chat line between host and screeners; it arrives with the next console poll. */
export const POST = apiRoute(
  { access: ACCESS.chat, params: z.object({ id: z.uuid() }), body: chatMessageSchema },
  async ({ actor, params, body }) =>
    Response.json({ message: await postChatMessage(actor, params.id, body) }, { status: 201 }),
);
