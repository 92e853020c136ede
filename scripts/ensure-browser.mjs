#!/usr/bin/env node
// pretest: the e2e suite drives Debian's Chromium and needs a CJK font, or every Chinese glyph
// renders as a box. Install both from Debian packages when missing; never download a browser.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDebianPackages } from './apt-ensure.mjs';

const CHROMIUM = process.env.LINLI_CHROMIUM ?? '/usr/bin/chromium';
const hasFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

ensureDebianPackages({
  what: `Chromium (${CHROMIUM}) or a CJK font`,
  packages: ['chromium', 'fonts-noto-cjk'],
  present: () => existsSync(CHROMIUM) && hasFont(),
  hint: 'or point LINLI_CHROMIUM at an existing Chromium.',
});
