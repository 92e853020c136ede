#!/usr/bin/env node
// pretest: the e2e suite drives Debian's Chromium and needs a CJK font, or every Chinese glyph
// renders as a box. Install both from Debian packages when missing; never download a browser.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';
const hasFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

if (existsSync(CHROMIUM) && hasFont()) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(
    `Chromium (${CHROMIUM}) or a CJK font is missing. Install them once with:\n` +
      '  sudo apt-get install -y chromium fonts-noto-cjk\n' +
      'or point LINLI_CHROMIUM at an existing Chromium.',
  );
  process.exit(1);
}
console.log('Installing Chromium and CJK fonts from Debian packages (one time)...');
execSync(
  'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk',
  {
    stdio: 'inherit',
    shell: '/bin/bash',
  },
);
