import type { IncomingHttpHeaders } from 'node:http';

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  /** Path segments captured by the route pattern, percent-decoded. */
  params: string[];
  form: URLSearchParams;
  json: unknown;
  headers: IncomingHttpHeaders;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export type RouteMatch = { handler: Handler; params: string[] } | { methodNotAllowed: true } | null;

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: RegExp, handler: Handler): this {
    this.routes.push({ method, pattern, handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      return { handler: route.handler, params: found.slice(1).map((part) => decodeURIComponent(part ?? '')) };
    }
    return pathMatched ? { methodNotAllowed: true } : null;
  }
}
