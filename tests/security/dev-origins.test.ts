import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { lanAddresses } from '@/scripts/lan-addresses.mjs';

/**
 * `npm run dev:watch` runs `next dev`, which blocks its dev resources (so pages never hydrate) for every origin
 * but localhost unless allowed: the addresses scripts/dev.mjs prints must all be allowed.
 */
describe('next dev origins', () => {
  it('allows 127.0.0.1 and each network address of this machine', () => {
    expect(nextConfig.allowedDevOrigins).toEqual(expect.arrayContaining(['127.0.0.1', ...lanAddresses()]));
  });
});
