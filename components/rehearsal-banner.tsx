import Link from 'next/link';

export function RehearsalBanner() {
  return (
    <div role="status" className="bg-waiting px-4 py-1 text-center text-sm font-semibold text-studio-950">
      Rehearsal mode: calls run on the built-in Twilio emulator. No real phone calls are made.{' '}
      <Link href="/simulator" className="underline">
        Ring the show from the phone simulator
      </Link>
    </div>
  );
}
