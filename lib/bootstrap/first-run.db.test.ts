import { beforeEach, describe, expect, it, vi } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { getDbHandle } from '@/lib/db/client';
import { listShows } from '@/lib/db/shows';
import { listUsers } from '@/lib/db/users';
import { truncateAll } from '@/tests/support/test-database';
import { DEMO_ACCOUNTS, DEMO_SHOW } from './demo';
import { describeFirstRun, runFirstRun } from './first-run';

beforeEach(async () => truncateAll(await getDbHandle()));

describe('first run', () => {
  it('creates the producer from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const report = await runFirstRun({
      rehearsal: false,
      adminEmail: 'boss@example.com',
      adminPassword: 'boss-password-1',
    });
    expect(report.producer).toEqual({ email: 'boss@example.com', generated: false });
    expect(await authenticate({ email: 'boss@example.com', password: 'boss-password-1', ip: null })).toMatchObject({
      ok: true,
      user: { role: 'producer' },
    });
    expect((await listUsers()).map((user) => user.role)).toEqual(['producer']);
    expect(await listShows()).toEqual([]);
  });

  it('generates a one-time password that works, and prints it exactly once', async () => {
    const first = await runFirstRun({ rehearsal: false });
    const password = first.producer?.password;
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(describeFirstRun(first).join('\n')).toContain(password);
    expect(await authenticate({ email: first.producer!.email, password: password!, ip: null })).toMatchObject({
      ok: true,
    });
    const second = await runFirstRun({ rehearsal: false });
    expect(second.producer).toBeUndefined();
    expect(describeFirstRun(second)).toEqual([]);
  });

  it('seeds the demo team and show in rehearsal mode, once', async () => {
    await runFirstRun({ rehearsal: true, adminPassword: 'boss-password-1' });
    await runFirstRun({ rehearsal: true, adminPassword: 'boss-password-1' });
    const roles = (await listUsers()).map((user) => user.role).sort();
    expect(roles).toEqual(['host', 'producer', 'screener']);
    for (const account of DEMO_ACCOUNTS) {
      expect(await authenticate({ email: account.email, password: account.password, ip: null })).toMatchObject({
        ok: true,
        user: { role: account.role },
      });
    }
    expect((await listShows()).map((show) => show.phoneNumber)).toEqual([DEMO_SHOW.phoneNumber]);
  });

  it('creates one producer when several instances start at the same moment', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await Promise.all([1, 2, 3].map(() => runFirstRun({ rehearsal: false })));
    log.mockRestore();
    expect((await listUsers()).filter((user) => user.role === 'producer')).toHaveLength(1);
  });
});
