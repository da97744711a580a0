'use client';

/** The one place a console tells a person what went wrong, and that it is being retried if it is. */
export function ErrorBanner({ message, onDismiss }: { message: string | null; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      className="flex items-center gap-3 rounded-lg border border-onair bg-red-950 px-4 py-3 text-red-100"
    >
      <span aria-hidden="true" className="text-xl">
        ⚠
      </span>
      <p className="flex-1 text-base">{message}</p>
      {onDismiss && (
        <button
          type="button"
          onClick={onDismiss}
          className="min-h-11 rounded-md border border-red-300 px-3 text-sm hover:bg-red-900"
        >
          Dismiss
        </button>
      )}
    </div>
  );
}
