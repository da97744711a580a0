import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { email, newPassword, personName, uuid } from './fields';

const role = z.enum(ROLES, { message: 'Choose producer, host or screener.' });

export const createTeamMemberInput = z.object({ email, name: personName, role, password: newPassword });

export const setRoleInput = z.object({ userId: uuid, role });
export const setDisabledInput = z.object({ userId: uuid, disabled: z.coerce.boolean() });
export const resetPasswordInput = z.object({ userId: uuid, password: newPassword });
