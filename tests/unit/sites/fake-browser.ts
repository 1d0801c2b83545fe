import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { SiteControlDeps } from '@/lib/sites/site-control';

type Script = Parameters<SiteControlDeps['scripting']['registerContentScripts']>[0][number];

/** The browser's scripting and permissions, and the settings storage, in memory. */
export function fakeSiteBrowser(granted: string[] = []) {
  let settings: Settings = { ...DEFAULT_SETTINGS, languages: ['en'] };
  const scripts = new Map<string, Script>();
  const permissions = new Set(granted);
  const injected: { tabId: number; files: string[] }[] = [];
  const deps: SiteControlDeps = {
    readSettings: async () => structuredClone(settings),
    updateSettings: async (change) => (settings = { ...settings, ...structuredClone(change) }),
    scripting: {
      async getRegisteredContentScripts(filter) {
        return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s));
      },
      async registerContentScripts(list) {
        // Yield first, as the browser does, so overlapping calls would collide as they do there.
        await new Promise((r) => setTimeout(r, 1));
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, structuredClone(s));
        }
      },
      async updateContentScripts(list) {
        for (const s of list) {
          const current = scripts.get(s.id);
          if (!current) throw new Error(`No script with ID '${s.id}'`);
          scripts.set(s.id, { ...current, ...structuredClone(s) });
        }
      },
      async unregisterContentScripts(filter) {
        for (const id of filter?.ids ?? [...scripts.keys()]) scripts.delete(id);
      },
      async executeScript(injection) {
        injected.push({ tabId: injection.target.tabId, files: injection.files });
        return [];
      },
    },
    permissions: {
      contains: async ({ origins }) => origins.every((o) => permissions.has(o)),
      remove: async ({ origins }) => origins.map((o) => permissions.delete(o)).every(Boolean),
    },
  };
  return { deps, scripts, permissions, injected, settings: () => settings };
}
