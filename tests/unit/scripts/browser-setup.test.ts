import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureBrowsers, planBrowserSetup, type SetupFacts, type SetupSeams } from '../../../scripts/browser-setup';

const BOTH = ['/usr/bin/chromium', '/usr/bin/firefox-esr'];

function facts(over: Partial<SetupFacts> & { present?: string[] } = {}): SetupFacts {
  const present = new Set(over.present ?? BOTH);
  return {
    env: {},
    executable: (p) => present.has(p),
    isRoot: true,
    isDebian: true,
    hasAptGet: true,
    ...over,
  };
}

/** A machine where apt-get puts the packages it is asked for in /usr/bin. */
function machine(over: Partial<SetupFacts> & { present?: string[]; aptFails?: boolean; aptInstallsNothing?: boolean } = {}) {
  const present = new Set(over.present ?? BOTH);
  const ran: string[] = [];
  const printed: string[] = [];
  const seams: SetupSeams = {
    ...facts(over),
    executable: (p) => present.has(p),
    run(command, args, env) {
      ran.push([command, ...args].join(' '));
      expect(env.DEBIAN_FRONTEND).toBe('noninteractive');
      if (over.aptFails) return 100;
      if (args[0] === 'install' && !over.aptInstallsNothing) for (const pkg of args.slice(2)) present.add(`/usr/bin/${pkg}`);
      return 0;
    },
    print: (line) => printed.push(line),
  };
  return { seams, ran, printed };
}

describe('planBrowserSetup', () => {
  it('goes on when both browsers are there', () => {
    expect(planBrowserSetup(facts())).toEqual({
      kind: 'ready',
      browsers: [
        { label: 'Chromium', path: '/usr/bin/chromium' },
        { label: 'Firefox ESR', path: '/usr/bin/firefox-esr' },
      ],
    });
  });

  it('installs only the missing package, as root on Debian, after apt-get update', () => {
    expect(planBrowserSetup(facts({ present: ['/usr/bin/chromium'] }))).toEqual({
      kind: 'install',
      packages: ['firefox-esr'],
      commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'firefox-esr']],
    });
    expect(planBrowserSetup(facts({ present: [] }))).toMatchObject({ packages: ['chromium', 'firefox-esr'] });
  });

  it('without root, stops with the sudo command for what is missing', () => {
    const plan = planBrowserSetup(facts({ present: [], isRoot: false }));
    expect(plan).toMatchObject({ kind: 'stop', command: 'sudo apt-get update && sudo apt-get install -y chromium firefox-esr && npm test' });
  });

  it('off Debian, or without apt-get, stops and names the variables to set', () => {
    for (const f of [facts({ present: ['/usr/bin/chromium'], isDebian: false }), facts({ present: ['/usr/bin/chromium'], hasAptGet: false })]) {
      const plan = planBrowserSetup(f);
      expect(plan.kind).toBe('stop');
      expect(plan).toMatchObject({ command: 'install Firefox ESR, then: FIREFOX_PATH=/path/to/firefox-esr npm test' });
    }
  });

  it('an override that exists replaces the default path, and nothing is installed for it', () => {
    const plan = planBrowserSetup(facts({ present: ['/opt/chrome/chrome', '/usr/bin/firefox-esr'], env: { CHROMIUM_PATH: '/opt/chrome/chrome' } }));
    expect(plan).toEqual({
      kind: 'ready',
      browsers: [
        { label: 'Chromium', path: '/opt/chrome/chrome' },
        { label: 'Firefox ESR', path: '/usr/bin/firefox-esr' },
      ],
    });
  });

  it('an override that points nowhere stops even as root: apt-get would not put it there', () => {
    const plan = planBrowserSetup(facts({ present: [], env: { FIREFOX_PATH: '/home/me/firefox/firefox' } }));
    expect(plan).toMatchObject({ kind: 'stop', reason: expect.stringContaining('FIREFOX_PATH is /home/me/firefox/firefox') });
  });

  it('an empty override counts as unset', () => {
    expect(planBrowserSetup(facts({ env: { CHROMIUM_PATH: '' } })).kind).toBe('ready');
  });
});

describe('ensureBrowsers', () => {
  it('installs the missing browsers, saying so first, and lets the tests go on', () => {
    const m = machine({ present: [] });
    expect(ensureBrowsers(m.seams)).toBe(0);
    expect(m.ran).toEqual(['apt-get update', 'apt-get install -y chromium firefox-esr']);
    expect(m.printed[0]).toBe('Installing chromium and firefox-esr with apt-get (Debian packages, for the end-to-end tests)');
    expect(m.printed.at(-1)).toBe('Browsers for the end-to-end tests: Chromium /usr/bin/chromium, Firefox ESR /usr/bin/firefox-esr');
  });

  it('runs nothing when both are there', () => {
    const m = machine();
    expect(ensureBrowsers(m.seams)).toBe(0);
    expect(m.ran).toEqual([]);
  });

  it('stops without running anything when it cannot install', () => {
    const m = machine({ present: [], isRoot: false });
    expect(ensureBrowsers(m.seams)).toBe(1);
    expect(m.ran).toEqual([]);
    expect(m.printed).toEqual([
      expect.stringMatching(/^Cannot run the tests: Chromium \(\/usr\/bin\/chromium\) and Firefox ESR \(\/usr\/bin\/firefox-esr\) not found/),
      'Run: sudo apt-get update && sudo apt-get install -y chromium firefox-esr && npm test',
    ]);
  });

  it('stops at the first failing apt-get command', () => {
    const m = machine({ present: [], aptFails: true });
    expect(ensureBrowsers(m.seams)).toBe(1);
    expect(m.ran).toEqual(['apt-get update']);
    expect(m.printed.at(-2)).toBe('Cannot run the tests: "apt-get update" failed with exit code 100.');
  });

  it('stops when apt-get succeeded but the binary is still not there', () => {
    const m = machine({ present: ['/usr/bin/chromium'], aptInstallsNothing: true });
    expect(ensureBrowsers(m.seams)).toBe(1);
    expect(m.printed.at(-1)).toBe('Cannot run the tests: apt-get finished, but firefox-esr still missing.');
  });
});

describe('npm test', () => {
  it('sees to the browsers before anything else', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test!.split('&&')[0]!.trim()).toBe('node --import tsx scripts/ensure-browsers.ts');
  });

  it('CI runs the README\'s commands and installs nothing of its own', () => {
    const commands = readFileSync('.ci/run', 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#') && !l.startsWith('set ') && !l.startsWith('cd '));
    expect(commands).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });
});
