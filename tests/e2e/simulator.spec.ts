import { expect, test, type Browser } from '@playwright/test';
import { E2E_EMULATOR_URL, E2E_SHOW_NUMBER, storageStatePath, type E2eRole } from './e2e-env';
import { EmulatorControl } from './pages/emulator-control';
import { PhoneSimulatorPage } from './pages/phone-simulator';
import { ProducerRoomPage } from './pages/producer-room';
import { ScreenConsolePage } from './pages/screen-console';

const emulator = new EmulatorControl(E2E_EMULATOR_URL);

async function pageAs(browser: Browser, role: E2eRole | null) {
  const context = await browser.newContext({
    storageState: role ? storageStatePath(role) : { cookies: [], origins: [] },
  });
  return context.newPage();
}

test.describe.configure({ mode: 'serial' });
test.beforeEach(async () => {
  await emulator.hangUpEverything();
});

test('anyone can ring the show from the simulator, hear in words what the phone hears, and hang up', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  await room.goto();
  await room.openLines('Simulator check');
  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  await screen.goto();

  const simulator = new PhoneSimulatorPage(await pageAs(browser, null));
  await simulator.goto();
  const caller = '+13125550142';
  await simulator.ring(caller, E2E_SHOW_NUMBER);
  await expect(simulator.phone(caller)).toContainText(/Hold music while waiting|Waiting:/, { timeout: 15_000 });
  await expect(screen.waitingCaller(caller)).toBeVisible({ timeout: 15_000 });

  // A reload forgets what the page rang; the phone still on a call comes back, so it can still be hung up.
  await simulator.page.reload();
  await expect(simulator.phone(caller)).toContainText(/Hold music while waiting|Waiting:/, { timeout: 15_000 });
  await simulator.hangUp(caller);
  await expect(simulator.phone(caller)).toContainText('Nothing: the call has ended.', { timeout: 15_000 });
  await expect(screen.waitingCaller(caller)).toHaveCount(0, { timeout: 15_000 });
  await room.closeLines();
});

test('every page has an icon: /favicon.ico answers an image, not a 404 in the console', async ({ request }) => {
  const response = await request.get('/favicon.ico');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\//);
});

test('ringing ten callers at once puts ten phones on the line', async ({ browser }) => {
  test.setTimeout(120_000);
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  await room.goto();
  await room.openLines('Ten at once');
  const simulator = new PhoneSimulatorPage(await pageAs(browser, null));
  await simulator.goto();
  await simulator.ringTen(E2E_SHOW_NUMBER);
  await expect(simulator.phones()).toHaveCount(10);
  await expect(simulator.phones().filter({ hasText: /Hold music while waiting|Waiting:/ })).toHaveCount(10, {
    timeout: 30_000,
  });
  await expect(room.count('queued')).toHaveText('10', { timeout: 15_000 });
  await room.closeLines();
});
