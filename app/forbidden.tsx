import Link from 'next/link';

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="mb-4 text-3xl font-bold">Not for your role</h1>
      <p className="mb-8 text-studio-200">
        Your account cannot open this page. If you need it, ask a producer to change your role.
      </p>
      <Link href="/" className="rounded-md bg-studio-700 px-4 py-3 font-semibold hover:bg-studio-600">
        Go to your console
      </Link>
    </main>
  );
}
