/**
 * First step of `npm test`: makes sure the end-to-end tests' browsers are there.
 * Installs, when missing and only then: Debian's `chromium` (/usr/bin/chromium) and
 * `firefox-esr` (/usr/bin/firefox-esr), with `apt-get update` and `apt-get install -y`,
 * as root on Debian. CHROMIUM_PATH / FIREFOX_PATH name other binaries instead.
 * Anywhere it cannot install, it stops before any test with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ensureBrowsers } from './browser-setup';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDebian(): boolean {
  try {
    return /^ID="?debian"?$/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const onPath = (name: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, name)));

process.exitCode = ensureBrowsers({
  env: process.env,
  executable,
  isRoot: process.getuid?.() === 0,
  isDebian: isDebian(),
  hasAptGet: onPath('apt-get'),
  run: (command, args, env) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1,
  print: (line) => console.log(line),
});
