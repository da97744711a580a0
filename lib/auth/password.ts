import bcrypt from 'bcryptjs';
import { settings } from '@/lib/env';

const COST = settings().BCRYPT_COST;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A real hash, so that a login for an unknown email costs the same time as one for a known email.
const DUMMY_HASH = bcrypt.hashSync('switchboard-timing-equaliser', COST);

export async function burnPasswordCheck(password: string): Promise<void> {
  await bcrypt.compare(password, DUMMY_HASH);
}
