import { handleAnnouncementWebhook } from '@/lib/telephony/webhook-route';
import { announcementSchema } from '@/lib/telephony/webhook-schemas';
import { announcementTwiml, MESSAGES } from '@/lib/telephony/twiml';

/** The callback offer a waiting caller hears in their hold room, alone (Participants AnnounceUrl). */
export function POST(request: Request) {
  return handleAnnouncementWebhook(request, announcementSchema, () => announcementTwiml(MESSAGES.callbackOffer));
}
