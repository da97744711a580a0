import { requestScope } from './request-scope';

/** Stands in for `next/headers` outside Next: the current request's headers, from the instance's request scope. */
export async function headers(): Promise<Headers> {
  return requestScope.getStore() ?? new Headers();
}

export async function cookies() {
  const cookieHeader = requestScope.getStore()?.get('cookie') ?? '';
  const all = cookieHeader
    .split(';')
    .map((part) => part.trim().split('='))
    .filter(([name]) => Boolean(name))
    .map(([name, ...value]) => ({ name: name ?? '', value: value.join('=') }));
  return {
    get: (name: string) => all.find((c) => c.name === name),
    getAll: () => all,
    has: (name: string) => all.some((c) => c.name === name),
  };
}
