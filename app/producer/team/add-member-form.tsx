'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/form-field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { EMPTY_FORM_STATE } from '@/lib/actions/form-state';
import { RoleSelect } from './role-select';
import { createTeamMemberAction } from './actions';

export function AddMemberForm() {
  const [state, action] = useActionState(createTeamMemberAction, EMPTY_FORM_STATE);
  return (
    <form
      action={action}
      className="grid gap-4 rounded-lg border border-studio-700 bg-studio-900 p-4 md:grid-cols-2"
      noValidate
    >
      <h2 className="text-lg font-semibold md:col-span-2">Add a team member</h2>
      <div className="md:col-span-2">
        <FormMessage state={state} />
      </div>
      <FormField label="Name" name="name" defaultValue={state.values?.name} required errors={state.fields?.name} />
      <FormField
        label="Email"
        name="email"
        type="email"
        defaultValue={state.values?.email}
        required
        errors={state.fields?.email}
      />
      <RoleSelect id="new-role" defaultValue="screener" errors={state.fields?.role} />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Share it privately."
        required
        errors={state.fields?.password}
      />
      <div className="md:col-span-2">
        <SubmitButton pendingText="Adding…">Add member</SubmitButton>
      </div>
    </form>
  );
}
