import { ROLE_LABEL } from '@/lib/auth/roles';
import { ROLES, type Role } from '@/lib/auth/roles';

export function RoleSelect({
  id,
  defaultValue,
  errors,
  label = 'Role',
}: {
  id: string;
  defaultValue: Role;
  errors?: string[];
  label?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-studio-200">
        {label}
      </label>
      <select
        id={id}
        name="role"
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        className="min-h-11 w-full rounded-md border border-studio-600 bg-studio-900 px-3 py-2"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABEL[role]}
          </option>
        ))}
      </select>
      {errors?.length ? <p className="mt-1 text-sm text-red-300">{errors.join(' ')}</p> : null}
    </div>
  );
}
