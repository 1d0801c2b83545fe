/**
 * What `npm test` does about the two browsers the end-to-end tests drive: Debian's
 * Chromium and Firefox ESR. The decision is pure (facts in, a plan out) so every case
 * is tested without apt; `ensureBrowsers` carries the plan out through injected seams.
 */

export interface BrowserNeed {
  /** How the reader knows it. */
  label: string;
  /** The Debian package that provides `defaultPath`. */
  debianPackage: string;
  defaultPath: string;
  /** Environment variable naming another binary instead. */
  envVar: string;
}

export const BROWSER_NEEDS: readonly BrowserNeed[] = [
  { label: 'Chromium', debianPackage: 'chromium', defaultPath: '/usr/bin/chromium', envVar: 'CHROMIUM_PATH' },
  { label: 'Firefox ESR', debianPackage: 'firefox-esr', defaultPath: '/usr/bin/firefox-esr', envVar: 'FIREFOX_PATH' },
];

/** What the machine is like, as far as the decision goes. */
export interface SetupFacts {
  env: Readonly<Record<string, string | undefined>>;
  /** Whether an executable file is at this path. */
  executable(path: string): boolean;
  /** Effective uid 0. */
  isRoot: boolean;
  /** Debian (os-release ID=debian), where the package names above are right. */
  isDebian: boolean;
  /** apt-get on the PATH. */
  hasAptGet: boolean;
}

export type SetupPlan =
  | { kind: 'ready'; browsers: { label: string; path: string }[] }
  | { kind: 'install'; packages: string[]; commands: string[][] }
  | { kind: 'stop'; reason: string; command: string };

function pathOf(need: BrowserNeed, env: SetupFacts['env']): { path: string; overridden: boolean } {
  const override = env[need.envVar];
  return override ? { path: override, overridden: true } : { path: need.defaultPath, overridden: false };
}

export function aptCommands(packages: readonly string[]): string[][] {
  return [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', ...packages],
  ];
}

export function planBrowserSetup(facts: SetupFacts): SetupPlan {
  // An override names a binary the reader chose; installing a package would not put it there.
  for (const need of BROWSER_NEEDS) {
    const { path, overridden } = pathOf(need, facts.env);
    if (overridden && !facts.executable(path)) {
      return {
        kind: 'stop',
        reason: `${need.envVar} is ${path}, but there is no executable ${need.label} there.`,
        command: `${need.envVar}=/path/to/${need.debianPackage} npm test   (or unset ${need.envVar} to use ${need.defaultPath})`,
      };
    }
  }
  const missing = BROWSER_NEEDS.filter((need) => !facts.executable(pathOf(need, facts.env).path));
  if (missing.length === 0) {
    return { kind: 'ready', browsers: BROWSER_NEEDS.map((need) => ({ label: need.label, path: pathOf(need, facts.env).path })) };
  }
  const packages = missing.map((need) => need.debianPackage);
  const names = missing.map((need) => `${need.label} (${need.defaultPath})`).join(' and ');
  if (!facts.isDebian || !facts.hasAptGet) {
    const vars = missing.map((need) => `${need.envVar}=/path/to/${need.debianPackage}`).join(' ');
    return {
      kind: 'stop',
      reason: `${names} not found, and this is not Debian with apt-get, so they cannot be installed here.`,
      command: `install ${missing.map((n) => n.label).join(' and ')}, then: ${vars} npm test`,
    };
  }
  if (!facts.isRoot) {
    return {
      kind: 'stop',
      reason: `${names} not found; installing ${packages.join(' and ')} needs root.`,
      command: `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')} && npm test`,
    };
  }
  return { kind: 'install', packages, commands: aptCommands(packages) };
}

export interface SetupSeams extends SetupFacts {
  /** Runs a command with the terminal attached; resolves to its exit code. */
  run(command: string, args: readonly string[], env: Record<string, string>): number;
  print(line: string): void;
}

/** Carries the plan out; resolves to the exit code `npm test` should stop with (0: go on). */
export function ensureBrowsers(seams: SetupSeams): number {
  const plan = planBrowserSetup(seams);
  if (plan.kind === 'ready') {
    seams.print(`Browsers for the end-to-end tests: ${plan.browsers.map((b) => `${b.label} ${b.path}`).join(', ')}`);
    return 0;
  }
  if (plan.kind === 'stop') {
    seams.print(`Cannot run the tests: ${plan.reason}`);
    seams.print(`Run: ${plan.command}`);
    return 1;
  }
  seams.print(`Installing ${plan.packages.join(' and ')} with apt-get (Debian packages, for the end-to-end tests)`);
  for (const [command, ...args] of plan.commands) {
    seams.print(`$ ${[command, ...args].join(' ')}`);
    const code = seams.run(command!, args, { DEBIAN_FRONTEND: 'noninteractive' });
    if (code !== 0) {
      seams.print(`Cannot run the tests: "${[command, ...args].join(' ')}" failed with exit code ${code}.`);
      seams.print(`Run it yourself, then: npm test`);
      return 1;
    }
  }
  const after = planBrowserSetup(seams);
  if (after.kind !== 'ready') {
    seams.print(`Cannot run the tests: apt-get finished, but ${after.kind === 'stop' ? after.reason : `${after.packages.join(' and ')} still missing.`}`);
    return 1;
  }
  seams.print(`Browsers for the end-to-end tests: ${after.browsers.map((b) => `${b.label} ${b.path}`).join(', ')}`);
  return 0;
}
