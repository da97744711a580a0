import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="mb-4 text-3xl font-bold">Not found</h1>
      <p className="mb-8 text-studio-200">There is nothing at this address.</p>
      <Link href="/" className="rounded-md bg-studio-700 px-4 py-3 font-semibold hover:bg-studio-600">
        Go to your console
      </Link>
    </main>
  );
}
