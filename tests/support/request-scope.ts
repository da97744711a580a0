import { AsyncLocalStorage } from 'node:async_hooks';

/** The headers of the request being handled, as Next keeps them for `headers()` in route handlers. */
export const requestScope = new AsyncLocalStorage<Headers>();
