/** The Postgres error behind a driver or drizzle error, from either postgres.js or PGlite. */
function pgCause(error: unknown): { code?: string; constraint_name?: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && 'code' in current && typeof current.code === 'string') {
      return current as { code?: string };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when the error is a unique-constraint violation, optionally on one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = pgCause(error);
  if (cause?.code !== '23505') return false;
  if (!constraint) return true;
  const name = cause.constraint_name ?? cause.constraint;
  return name === undefined || name === constraint;
}
