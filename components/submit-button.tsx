'use client';

import { useFormStatus } from 'react-dom';

export function SubmitButton({
  children,
  pendingText,
  className,
}: {
  children: React.ReactNode;
  pendingText: string;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className={`min-h-11 rounded-md bg-screening px-4 py-2 font-semibold text-studio-950 hover:bg-sky-300 disabled:opacity-60 ${className ?? ''}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
