import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The starter pack's folder keeps every snapshot it has had, so that `gloss-pack build` can
 * write deltas from them; the extension needs only the manifest and the files it names (the
 * current snapshot, the deltas from earlier versions). The rest would be dead weight in the
 * package, several times the size of the pack itself.
 */
export function starterFilesToShip(manifestJson: string): Set<string> {
  const manifest = JSON.parse(manifestJson) as { snapshot: { path: string }; deltas?: { path: string }[] };
  return new Set(['pack.json', 'pack.json.sig', manifest.snapshot.path, ...(manifest.deltas ?? []).map((d) => d.path)]);
}

/** Whether a public file (its path in the output) is an old starter file the package leaves out. */
export function leavesOutStarterFile(publicDir: string): (relativeDest: string) => boolean {
  const ship = starterFilesToShip(readFileSync(join(publicDir, 'starter', 'pack.json'), 'utf8'));
  return (dest) => {
    const m = /^starter\/([^/]+)$/.exec(dest.replace(/\\/g, '/'));
    return !!m && !ship.has(m[1]!);
  };
}
