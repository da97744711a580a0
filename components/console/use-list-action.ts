'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/**
 * A producer list page's action: run the request, say what happened (or why not), and re-render the server list.
 * `run` resolves true when the work succeeded, so a form can clear itself.
 */
export function useListAction() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(work: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await work();
      setMessage({ ok: true, text: done });
      router.refresh();
      return true;
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : 'That did not work.' });
      return false;
    }
  }

  return { message, run };
}
