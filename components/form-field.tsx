import type { InputHTMLAttributes } from 'react';

interface FormFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
}

/** A labelled input whose server-side errors are announced and tied to it for screen readers. */
export function FormField({ label, name, errors, hint, id, className, ...input }: FormFieldProps) {
  const inputId = id ?? `field-${name}`;
  const describedBy = [hint ? `${inputId}-hint` : null, errors?.length ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-studio-200">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="w-full rounded-md border border-studio-600 bg-studio-900 px-3 py-2 text-base text-studio-50 placeholder:text-studio-400 aria-invalid:border-onair"
        {...input}
      />
      {hint && (
        <p id={`${inputId}-hint`} className="mt-1 text-xs text-studio-400">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${inputId}-error`} className="mt-1 text-sm text-red-300">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
