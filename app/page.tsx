import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/guard';
import { HOME_BY_ROLE } from '@/lib/auth/roles';

export default async function HomePage() {
  const actor = await currentActor();
  redirect(actor ? HOME_BY_ROLE[actor.role] : '/login');
}
