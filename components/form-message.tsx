import type { FormState } from '@/lib/actions/form-state';

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? 'status' : 'alert'}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? 'bg-green-950 text-green-200' : 'bg-red-950 text-red-200'}`}
    >
      {state.message}
    </p>
  );
}
