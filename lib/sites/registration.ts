import { hostPattern } from './hosts';

/** The one dynamic registration that covers every site the reader turned on. */
export const EXTRA_SITES_SCRIPT_ID = 'gloss-extra-sites';
export const ANNOTATOR_SCRIPT = 'content-scripts/annotator.js';

interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The part of `browser.scripting` this needs, so it is tested without a browser. */
export interface ScriptingLike {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

/**
 * Makes the registration match `hosts`: registered (kept across restarts) when there are
 * any, updated when they changed, removed when there are none. Hosts whose permission is
 * gone are left out, since the browser would not run the script there anyway.
 */
export async function syncRegistration(scripting: ScriptingLike, hosts: readonly string[]): Promise<string[]> {
  const matches = [...new Set(hosts)].sort().map(hostPattern);
  const [current] = await scripting.getRegisteredContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
  if (!matches.length) {
    if (current) await scripting.unregisterContentScripts({ ids: [EXTRA_SITES_SCRIPT_ID] });
    return matches;
  }
  const script: RegisteredScript = {
    id: EXTRA_SITES_SCRIPT_ID,
    matches,
    js: [ANNOTATOR_SCRIPT],
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  if (!current) await scripting.registerContentScripts([script]);
  else if (JSON.stringify([...(current.matches ?? [])].sort()) !== JSON.stringify(matches)) {
    await scripting.updateContentScripts([{ id: EXTRA_SITES_SCRIPT_ID, matches }]);
  }
  return matches;
}
