import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { ProducerNav } from '@/components/console/producer-nav';
import { TokenManager } from '@/components/console/token-manager';
import { requirePageActor } from '@/lib/auth/guard';
import { listTokens } from '@/lib/producer/api-tokens';

export const metadata: Metadata = { title: 'API tokens' };
export const dynamic = 'force-dynamic';

export default async function TokensPage() {
  const actor = await requirePageActor(['producer'], '/producer/tokens');
  const tokens = await listTokens(actor);
  return (
    <>
      <AppHeader actor={actor} current="/producer" />
      <main className="mx-auto max-w-[1600px] space-y-4 p-4">
        <ProducerNav current="/producer/tokens" />
        <h1 className="text-2xl font-bold">API tokens</h1>
        <p className="text-studio-200">
          Every console action is also a JSON endpoint (see docs/api.md), so studio buttons and scripts can run the
          show. A token acts as the producer who issued it.
        </p>
        <TokenManager tokens={tokens} />
      </main>
    </>
  );
}
