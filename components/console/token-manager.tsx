'use client';

import { LocalTime } from '@/components/local-time';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';
import type { TokenView } from '@/lib/producer/api-tokens';

/** Issue (shown once), list and revoke the tokens scripts and hardware buttons use against the JSON API. */
export function TokenManager({ tokens }: { tokens: TokenView[] }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <form
        aria-label="Issue a token"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
        onSubmit={(e) => {
          void (async () => {
            e.preventDefault();
            try {
              const answer = await sendJson<{ token: string; view: TokenView }>('/api/tokens', 'POST', { name });
              setIssued({ name: answer.view.name, token: answer.token });
              setName('');
              setError(null);
              router.refresh();
            } catch (err) {
              setError(err instanceof Error ? err.message : 'The token was not issued.');
            }
          })();
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Token name
          <input
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            className="min-h-11 rounded-md border border-studio-600 bg-studio-800 px-3"
          />
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-screening px-4 font-semibold text-studio-950">
          Issue token
        </button>
      </form>
      {error && (
        <p role="alert" className="rounded-md bg-red-950 px-3 py-2 text-red-200">
          {error}
        </p>
      )}
      {issued && (
        <div role="status" className="space-y-2 rounded-lg border border-ready bg-green-950/40 p-3">
          <p className="font-semibold">Copy the token for &ldquo;{issued.name}&rdquo; now. It is not shown again.</p>
          <code data-testid="issued-token" className="block break-all rounded bg-studio-950 p-2 font-mono text-lg">
            {issued.token}
          </code>
          <p className="text-sm text-studio-200">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>; it acts with your producer rights.
          </p>
        </div>
      )}
      {tokens.length === 0 ? (
        <p className="text-studio-400">No tokens yet.</p>
      ) : (
        <ul
          className="divide-y divide-studio-700 rounded-lg border border-studio-700 bg-studio-900"
          aria-label="API tokens"
        >
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-3 p-3">
              <span className="font-semibold">{t.name}</span>
              <span className="text-sm text-studio-400">
                issued <LocalTime at={t.createdAt} />
              </span>
              <span className="text-sm text-studio-400">
                {t.lastUsedAt ? (
                  <>
                    last used <LocalTime at={t.lastUsedAt} />
                  </>
                ) : (
                  'never used'
                )}
              </span>
              {t.revokedAt ? (
                <span className="ml-auto rounded border border-studio-600 px-2 text-sm text-studio-400">Revoked</span>
              ) : (
                <button
                  type="button"
                  onClick={() => {
                    void (async () => {
                      try {
                        await sendJson(`/api/tokens/${t.id}`, 'DELETE');
                        router.refresh();
                      } catch (err) {
                        setError(err instanceof Error ? err.message : 'The token was not revoked.');
                      }
                    })();
                  }}
                  className="ml-auto min-h-11 rounded-md border border-onair px-4 text-red-200 hover:bg-red-950"
                >
                  Revoke {t.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
