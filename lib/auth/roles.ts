// Imports nothing, so client components can use it without pulling the database schema into the browser.
export const ROLES = ['producer', 'host', 'screener'] as const;
export type Role = (typeof ROLES)[number];

/** Producers run the show, so every door that opens for a host or a screener opens for them too. */
export function roleAllows(role: Role, allowed: readonly Role[]): boolean {
  return role === 'producer' || allowed.includes(role);
}

export const HOME_BY_ROLE: Record<Role, string> = {
  producer: '/producer',
  host: '/host',
  screener: '/screen',
};

export const ROLE_LABEL: Record<Role, string> = {
  producer: 'Producer',
  host: 'Host',
  screener: 'Screener',
};

/** "Ada · Host"; a name that already is the role ("Producer", a demo account) is not followed by it again. */
export function nameWithRole(name: string, role: Role): string {
  const label = ROLE_LABEL[role];
  return name.trim().toLowerCase() === label.toLowerCase() ? label : `${name} · ${label}`;
}
