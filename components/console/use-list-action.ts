'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/actions/form-state';

/**
 * A producer list page's action: run the request, say what happened (or why not), and re-render the server list.
 * `run` resolves true when the work succeeded, so a form can clear itself.
 */
export function useListAction() {
  const router = useRouter();
  const [state, setState] = useState<FormState>(EMPTY_FORM_STATE);

  async function run(work: () => Promise<unknown>, done: string): Promise<boolean> {
    try {
      await work();
      setState({ ok: true, message: done });
      router.refresh();
      return true;
    } catch (e) {
      setState({ ok: false, message: e instanceof Error ? e.message : 'That did not work.' });
      return false;
    }
  }

  return { state, run };
}
