import { cueTwiml } from '@/lib/telephony/cue';
import { handleAnnouncementWebhook } from '@/lib/telephony/webhook-route';
import { cueSchema } from '@/lib/telephony/webhook-schemas';

/** The announcement a waiting or deck caller hears alone (Participants AnnounceUrl): their place, or "you're next". */
export function POST(request: Request) {
  return handleAnnouncementWebhook(request, cueSchema, cueTwiml);
}
