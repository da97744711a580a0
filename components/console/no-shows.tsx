export function NoShows() {
  return (
    <main className="p-6">
      <p className="rounded-lg border border-studio-700 bg-studio-900 p-6 text-lg text-studio-200">
        There is no show yet. A producer creates one under Shows.
      </p>
    </main>
  );
}
