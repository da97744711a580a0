import 'server-only';
import { AppError } from '@/lib/errors';
import { logProblem } from '@/lib/log';
import type { FormState } from './form-state';

export type { FormState } from './form-state';

/** A text field of a submitted form; a file (which no form here sends) counts as empty. */
export function formText(value: FormDataEntryValue | null): string {
  return typeof value === 'string' ? value : '';
}

/** Runs a server action's work and turns what it throws into a state the form can show next to its fields. */
export async function runAction(work: () => Promise<string>, formData?: FormData): Promise<FormState> {
  try {
    return { ok: true, message: await work() };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.status >= 500) logProblem('error', error.code, error.message, error.cause);
      const message = error.fields ? 'Please correct the fields marked below.' : error.message;
      return { ok: false, message, fields: error.fields, values: typedValues(formData) };
    }
    logProblem('error', 'action', error);
    return {
      ok: false,
      message: 'Something went wrong on our side. It has been logged; try again.',
      values: typedValues(formData),
    };
  }
}

function typedValues(formData?: FormData): Record<string, string> | undefined {
  if (!formData) return undefined;
  const entries = [...formData.entries()].filter(([key]) => !key.startsWith('$') && !/password/i.test(key));
  return Object.fromEntries(entries.map(([key, value]) => [key, formText(value)]));
}
