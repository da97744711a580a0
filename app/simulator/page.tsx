import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PhoneSimulator } from '@/components/simulator/phone-simulator';
import { pickConsoleShowId } from '@/lib/consoles/console-data';
import { listShows } from '@/lib/db/shows';
import { listUsers } from '@/lib/db/users';
import { issueSimulatorPhonePass } from '@/lib/calls/voice-token';
import { isRehearsal, settings } from '@/lib/env';
import { identityForUser } from '@/lib/telephony/rooms';

export const metadata: Metadata = { title: 'Phone simulator' };
export const dynamic = 'force-dynamic';

/** Rehearsal only: ring the show from made-up numbers and hear, in words, what each phone hears. */
export default async function SimulatorPage() {
  if (!isRehearsal()) notFound();
  const [all, onAirId, team] = await Promise.all([listShows(), pickConsoleShowId(undefined), listUsers()]);
  // Phones hear staff browsers by identity; the simulator names them (rehearsal only, demo accounts).
  const staffNames = Object.fromEntries(team.map((user) => [identityForUser(user.id), user.name]));
  // The show on air (or last on air) comes first, so a visitor rings the show that is running.
  const shows = [...all.filter((show) => show.id === onAirId), ...all.filter((show) => show.id !== onAirId)].map(
    (show) => ({ name: show.name, phoneNumber: show.phoneNumber }),
  );
  const emulatorUrl = settings().EMULATOR_URL;
  // Before the first provisioning (a fresh start) there is no API key yet: the page works without the microphone.
  const phonePass = await issueSimulatorPhonePass().catch(() => null);
  return (
    <main className="mx-auto max-w-5xl space-y-6 p-6">
      <h1 className="text-3xl font-bold">Phone simulator</h1>
      <p className="text-studio-200">
        Ring a show from made-up numbers. Every call goes through the Twilio emulator exactly as a real call would reach
        the app.
      </p>
      <PhoneSimulator shows={shows} emulatorUrl={emulatorUrl} staffNames={staffNames} phonePass={phonePass} />
    </main>
  );
}
