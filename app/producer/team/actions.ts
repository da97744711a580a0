'use server';

import { revalidatePath } from 'next/cache';
import { formText, runAction, type FormState } from '@/lib/actions/run-action';
import { requireActor } from '@/lib/auth/guard';
import {
  createTeamMember,
  resetTeamMemberPassword,
  setTeamMemberDisabled,
  setTeamMemberRole,
} from '@/lib/team/manage-team';

function formObject(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].filter(([key]) => !key.startsWith('$')).map(([key, value]) => [key, formText(value)]),
  );
}

export async function createTeamMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const user = await createTeamMember(await requireActor(), formObject(formData));
    revalidatePath('/producer/team');
    return `Added ${user.name} as ${user.role}.`;
  }, formData);
}

export async function setRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const user = await setTeamMemberRole(await requireActor(), formObject(formData));
    revalidatePath('/producer/team');
    return `${user.name} is now ${user.role}.`;
  });
}

export async function setDisabledAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const input = formObject(formData);
    const user = await setTeamMemberDisabled(await requireActor(), { ...input, disabled: input.disabled === 'true' });
    revalidatePath('/producer/team');
    return user.disabled ? `${user.name} can no longer sign in.` : `${user.name} can sign in again.`;
  });
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const actor = await requireActor();
    const user = await resetTeamMemberPassword(actor, formObject(formData));
    // A new password ends every session of that account, this one too when it is your own.
    if (user.id === actor.id) return 'Your password is changed and your sessions have ended: sign in again with it.';
    return `New password set for ${user.name}. Give it to them in person or by a private channel.`;
  });
}
