'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { EMPTY_FORM_STATE } from '@/lib/actions/form-state';
import type { Role } from '@/lib/auth/roles';
import { resetPasswordAction, setDisabledAction, setRoleAction } from './actions';
import { RoleSelect } from './role-select';

export interface MemberView {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
}

export function MemberRow({ member, isSelf }: { member: MemberView; isSelf: boolean }) {
  const [roleState, roleAction] = useActionState(setRoleAction, EMPTY_FORM_STATE);
  const [disabledState, disabledAction] = useActionState(setDisabledAction, EMPTY_FORM_STATE);
  const [passwordState, passwordAction] = useActionState(resetPasswordAction, EMPTY_FORM_STATE);
  return (
    <li className="rounded-lg border border-studio-700 bg-studio-900 p-4" aria-label={`Team member ${member.name}`}>
      <div className="mb-3 flex flex-wrap items-baseline gap-3">
        <span className="text-lg font-semibold">{member.name}</span>
        <span className="text-studio-400">{member.email}</span>
        {member.disabled && (
          <span className="rounded bg-red-950 px-2 py-0.5 text-xs font-semibold text-red-200">DISABLED</span>
        )}
        {isSelf && <span className="rounded bg-studio-700 px-2 py-0.5 text-xs">you</span>}
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <form action={roleAction} className="space-y-2">
          <input type="hidden" name="userId" value={member.id} />
          <RoleSelect
            id={`role-${member.id}`}
            defaultValue={member.role}
            label={`Role of ${member.name}`}
            errors={roleState.fields?.role}
          />
          <SubmitButton pendingText="Saving…">Save role</SubmitButton>
          <FormMessage state={roleState} />
        </form>
        <form action={passwordAction} className="space-y-2">
          <input type="hidden" name="userId" value={member.id} />
          <label htmlFor={`password-${member.id}`} className="block text-sm font-medium text-studio-200">
            New password for {member.name}
          </label>
          <input
            id={`password-${member.id}`}
            name="password"
            type="password"
            autoComplete="new-password"
            className="w-full rounded-md border border-studio-600 bg-studio-900 px-3 py-2"
          />
          {passwordState.fields?.password && (
            <p className="text-sm text-red-300">{passwordState.fields.password.join(' ')}</p>
          )}
          <SubmitButton pendingText="Setting…">Reset password</SubmitButton>
          <FormMessage state={passwordState} />
        </form>
        <form action={disabledAction} className="space-y-2">
          <input type="hidden" name="userId" value={member.id} />
          <input type="hidden" name="disabled" value={member.disabled ? 'false' : 'true'} />
          <p className="text-sm text-studio-200">
            {member.disabled ? 'This account cannot sign in.' : 'This account can sign in.'}
          </p>
          <SubmitButton pendingText="Saving…">
            {member.disabled ? `Enable ${member.name}` : `Disable ${member.name}`}
          </SubmitButton>
          <FormMessage state={disabledState} />
        </form>
      </div>
    </li>
  );
}
