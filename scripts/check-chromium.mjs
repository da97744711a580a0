import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`\nThe browser tests need Chromium at ${path}, and it is not there.`);
  console.error("Playwright cannot download its own browser on this network. Install Debian's build:");
  console.error('  sudo apt-get update && sudo apt-get install -y chromium');
  console.error('or point CHROMIUM_PATH at an existing Chromium or Chrome binary.\n');
  process.exit(1);
}
