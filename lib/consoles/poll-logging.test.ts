import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { consoleViewUrl } from './console-view';

function logged(url: string): boolean {
  const incoming = nextConfig.logging && nextConfig.logging.incomingRequests;
  const ignore = typeof incoming === 'object' ? (incoming.ignore ?? []) : [];
  return !ignore.some((pattern) => pattern.test(url));
}

describe('the request log', () => {
  it('leaves out the consoles’ once-a-second polls, so the producer’s one-time password stays in view', () => {
    expect(logged(consoleViewUrl('5f0c7a52-8a9e-4d43-9a4b-6f1f1e1f1e1f'))).toBe(false);
  });

  it('still logs commands and pages', () => {
    expect(logged('/api/calls/5f0c7a52-8a9e-4d43-9a4b-6f1f1e1f1e1f/air')).toBe(true);
    expect(logged('/api/shows/5f0c7a52-8a9e-4d43-9a4b-6f1f1e1f1e1f/lines')).toBe(true);
    expect(logged('/screen')).toBe(true);
  });
});
