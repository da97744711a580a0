import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface DiscoveredRoute {
  kind: 'page' | 'api';
  /** The route as Next.js names it, e.g. /api/calls/[id]/[command]. */
  pattern: string;
  file: string;
  methods: string[];
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Every page and route handler under app/, found from the file system so that a new one cannot be missed. */
export function discoverRoutes(appDir = path.join(process.cwd(), 'app')): DiscoveredRoute[] {
  return walk(appDir)
    .filter((file) => /\/(page\.tsx|route\.ts)$/.test(file))
    .map((file) => {
      const relative = path.relative(appDir, path.dirname(file));
      const segments = relative === '' ? [] : relative.split(path.sep);
      // Route groups "(name)" and private folders "_name" do not appear in the URL.
      const visible = segments.filter((segment) => !/^\(.*\)$/.test(segment));
      const pattern = `/${visible.join('/')}`;
      const kind = file.endsWith('route.ts') ? 'api' : 'page';
      const source = readFileSync(file, 'utf8');
      const methods =
        kind === 'page'
          ? ['GET']
          : HTTP_METHODS.filter((method) =>
              new RegExp(
                `export\\s+(async\\s+)?function\\s+${method}\\b|export\\s+const\\s+\\{[^}]*\\b${method}\\b[^}]*\\}|export\\s+const\\s+${method}\\b`,
              ).test(source),
            );
      return { kind, pattern, file: path.relative(process.cwd(), file), methods } satisfies DiscoveredRoute;
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** A concrete URL for a pattern: dynamic segments get harmless sample values. */
export function sampleUrl(pattern: string, samples: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_match, name: string) => samples[name] ?? 'sample');
}
