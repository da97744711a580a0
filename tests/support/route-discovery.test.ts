import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverRoutes, sampleUrl } from './route-discovery';

function appTree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'routes-'));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  return root;
}

describe('route discovery', () => {
  it('finds pages and handlers with their methods, dropping route groups from the URL', () => {
    const root = appTree({
      'page.tsx': '',
      '(console)/screen/page.tsx': '',
      'api/calls/[id]/[command]/route.ts': 'export async function POST() {}',
      'api/auth/[...nextauth]/route.ts': 'export const { GET, POST } = handlers;',
      'api/board/route.ts': 'export function GET() {}\nexport async function PATCH() {}',
    });
    expect(discoverRoutes(root).map(({ pattern, kind, methods }) => ({ pattern, kind, methods }))).toEqual([
      { pattern: '/', kind: 'page', methods: ['GET'] },
      { pattern: '/api/auth/[...nextauth]', kind: 'api', methods: ['GET', 'POST'] },
      { pattern: '/api/board', kind: 'api', methods: ['GET', 'PATCH'] },
      { pattern: '/api/calls/[id]/[command]', kind: 'api', methods: ['POST'] },
      { pattern: '/screen', kind: 'page', methods: ['GET'] },
    ]);
  });

  it('fills dynamic segments with samples', () => {
    expect(sampleUrl('/api/calls/[id]/[command]', { id: 'X', command: 'air' })).toBe('/api/calls/X/air');
  });
});
