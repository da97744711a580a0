import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

const ARTIFACTS = 'test-results/screenshots';
const README_SHOTS = 'docs/screenshots';

/** Keeps a screenshot as a test artifact; `forReadme` also copies it where the README shows it. */
export async function keepScreenshot(page: Page, name: string, options: { forReadme?: boolean } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (options.forReadme) {
    mkdirSync(README_SHOTS, { recursive: true });
    copyFileSync(file, path.join(README_SHOTS, `${name}.png`));
  }
  return file;
}
