import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leavesOutStarterFile, starterFilesToShip } from '@/build/starter-files';

const STARTER = 'public/starter';

describe('the starter pack files the extension package carries', () => {
  const manifest = readFileSync(join(STARTER, 'pack.json'), 'utf8');
  const { snapshot, deltas } = JSON.parse(manifest) as { snapshot: { path: string }; deltas: { path: string }[] };
  const leaveOut = leavesOutStarterFile('public');

  it('keeps the manifest and every file it names, and each of them exists', () => {
    for (const name of ['pack.json', snapshot.path, ...deltas.map((d) => d.path)]) {
      expect(leaveOut(`starter/${name}`), name).toBe(false);
      expect(existsSync(join(STARTER, name)), name).toBe(true);
    }
  });

  it('leaves out the older snapshots and deltas that only the pack build needs', () => {
    const old = readdirSync(STARTER).filter((f) => !starterFilesToShip(manifest).has(f));
    for (const name of old) expect(leaveOut(`starter/${name}`), name).toBe(true);
    // Files elsewhere in public/ are never touched.
    expect(leaveOut('icons/icon-48.png')).toBe(false);
    expect(leaveOut('_locales/en/messages.json')).toBe(false);
  });

  it('names the signature when a pack has one', () => {
    expect(starterFilesToShip(JSON.stringify({ snapshot: { path: 's-9.json' } }))).toEqual(new Set(['pack.json', 'pack.json.sig', 's-9.json']));
  });
});
