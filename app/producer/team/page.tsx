import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { requirePageActor } from '@/lib/auth/guard';
import { listUsers } from '@/lib/db/users';
import { AddMemberForm } from './add-member-form';
import { MemberRow } from './member-row';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const actor = await requirePageActor(['producer'], '/producer/team');
  const members = await listUsers();
  return (
    <>
      <AppHeader actor={actor} current="/producer/team" />
      <main className="mx-auto max-w-5xl space-y-6 p-6">
        <h1 className="text-2xl font-bold">Team</h1>
        <AddMemberForm />
        <ul className="space-y-4" aria-label="Team members">
          {members.map((member) => (
            <MemberRow
              key={member.id}
              isSelf={member.id === actor.id}
              member={{
                id: member.id,
                name: member.name,
                email: member.email,
                role: member.role,
                disabled: member.disabled,
              }}
            />
          ))}
        </ul>
      </main>
    </>
  );
}
