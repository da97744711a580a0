import type { FieldErrors } from '@/lib/errors';

export interface FormState {
  ok: boolean;
  message?: string;
  fields?: FieldErrors;
  /** What the person typed, returned after a refusal so the form does not lose it. */
  values?: Record<string, string>;
}

export const EMPTY_FORM_STATE: FormState = { ok: false };
