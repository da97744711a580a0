import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from './client';
import { appState } from './schema';

const KEY = 'telephony.provisioned';

/** What provisioning created on the Twilio account (rehearsal, or a first `twilio:setup` before the env is set). */
const provisionedSchema = z.object({
  accountSid: z.string(),
  apiKeySid: z.string().nullable(),
  apiKeySecret: z.string().nullable(),
  twimlAppSid: z.string().nullable(),
});
export type ProvisionedTelephony = z.infer<typeof provisionedSchema>;

export async function readProvisionedTelephony(db?: Queryable): Promise<ProvisionedTelephony | null> {
  const q = db ?? (await getDb());
  const [row] = await q.select().from(appState).where(eq(appState.key, KEY)).limit(1);
  const parsed = provisionedSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveProvisionedTelephony(value: ProvisionedTelephony, db?: Queryable): Promise<void> {
  const q = db ?? (await getDb());
  await q
    .insert(appState)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: appState.key, set: { value, updatedAt: new Date() } });
}
