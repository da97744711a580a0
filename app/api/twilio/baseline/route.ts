import { CONTEST_RELEASED_MESSAGE } from '@/lib/calls/contest-outcome';
import { handleVoiceWebhook } from '@/lib/telephony/webhook-route';
import { voiceSchema } from '@/lib/telephony/webhook-schemas';
import { farewellTwiml } from '@/lib/telephony/twiml';

// The same document a released contest caller gets, built once: this route's cost is the framework and the signature check.
const RELEASED_TWIML = farewellTwiml(CONTEST_RELEASED_MESSAGE);

/**
 * The benchmark's yardstick (npm run bench): a signed Twilio webhook answered with fixed TwiML and no database,
 * so the door's cost can be stated as a ratio. Nothing is configured to ring it outside a benchmark.
 */
export function POST(request: Request) {
  return handleVoiceWebhook(request, voiceSchema, () => Promise.resolve(RELEASED_TWIML));
}
