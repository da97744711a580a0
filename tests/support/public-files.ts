import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { ServerResponse } from 'node:http';

const PUBLIC_DIR = join(process.cwd(), 'public');
const TYPES: Record<string, string> = { '.xml': 'text/xml; charset=utf-8', '.wav': 'audio/wav', '.mp3': 'audio/mpeg' };

/** Serves a file under public/ as `next start` does (GET and HEAD only); false when there is none. */
export async function servePublicFile(method: string, pathname: string, res: ServerResponse): Promise<boolean> {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const file = normalize(join(PUBLIC_DIR, decodeURIComponent(pathname)));
  if (!file.startsWith(`${PUBLIC_DIR}/`)) return false;
  const body = await readFile(file).catch(() => null);
  if (!body) return false;
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}
