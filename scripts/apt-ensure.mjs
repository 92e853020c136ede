// Test machines get their system tools from Debian packages, installed once when missing (CI runs
// as root with apt); a developer without root is told the one command to run instead.
import { execSync } from 'node:child_process';

/** Install `packages` with apt when `present()` is false; exits the process with a hint if it cannot. */
export function ensureDebianPackages({ what, packages, present, hint = '' }) {
  if (present()) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `${what} is missing. Install it once with:\n  sudo apt-get install -y ${packages.join(' ')}\n${hint}`,
    );
    process.exit(1);
  }
  console.log(`Installing ${what} from Debian packages (one time)...`);
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`,
    {
      stdio: 'inherit',
      shell: '/bin/bash',
    },
  );
  if (!present()) {
    console.error(`${what} is still missing after installing ${packages.join(' ')}.`);
    process.exit(1);
  }
}
