'use server';

import { AuthError } from 'next-auth';
import { credentialsSchema, LOGIN_WINDOW_MS } from '@/lib/auth/authenticate';
import { signIn } from '@/lib/auth/config';
import type { FormState } from '@/lib/actions/form-state';
import { formText } from '@/lib/actions/run-action';
import { parseFieldErrors } from '@/lib/validation/field-errors';

const SAFE_NEXT = /^\/(?!\/)[\w\-/?=&%.]*$/;

export async function loginAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = credentialsSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  const values = { email: formText(formData.get('email')) };
  if (!parsed.success)
    return {
      ok: false,
      message: 'Please correct the fields marked below.',
      fields: parseFieldErrors(parsed.error),
      values,
    };
  const next = formText(formData.get('next'));
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: SAFE_NEXT.test(next) ? next : '/' });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError && error.type === 'CredentialsSignin') {
      const throttled = (error as AuthError & { code?: string }).code === 'throttled';
      return {
        ok: false,
        values,
        message: throttled
          ? `Too many failed sign-in attempts. Wait ${LOGIN_WINDOW_MS / 60_000} minutes and try again, or ask a producer to reset your password.`
          : 'That email and password do not match an active account.',
      };
    }
    throw error;
  }
}
