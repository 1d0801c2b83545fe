import { storage } from 'wxt/utils/storage';
import type { EntityKind } from './pack/types';
import type { HighlightStyle } from './annotate/highlights';
import { repairSettings } from './settings-repair';

/**
 * The reader's settings, in browser.storage so every context (background, content
 * scripts, popup, options) reads the same values and hears their changes. Each item
 * carries a version; a change of shape adds a migration rather than a new key.
 */
export interface Settings {
  /** Preferred languages, most preferred first (BCP 47 primary subtags). */
  languages: string[];
  highlightStyle: HighlightStyle;
  hiddenKinds: EntityKind[];
  /** Highlight every mention, or only the first of each entity. */
  mentions: 'all' | 'first';
  /** Milliseconds the pointer rests on a mention before its card opens. */
  hoverDelay: number;
  /** Everything off until turned on again. */
  paused: boolean;
  /** Hosts (`www.reuters.com`) where the reader turned Gloss off. */
  disabledHosts: string[];
  /** Hosts the reader turned Gloss on for, beyond the default news sites. */
  extraHosts: string[];
  /** Where a card shows the reader's own note on its entity. */
  notePlace: NotePlace;
}

export type NotePlace = 'top' | 'bottom';

/** The UI language's primary subtag when Gloss speaks it, else English first. */
export function defaultLanguages(uiLanguage: string): string[] {
  const primary = uiLanguage.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const known = ['en', 'tr', 'ru'];
  return known.includes(primary) ? [primary, ...known.filter((l) => l !== primary)] : known;
}

export const DEFAULT_SETTINGS: Omit<Settings, 'languages'> = {
  highlightStyle: 'underline',
  hiddenKinds: [],
  mentions: 'all',
  hoverDelay: 350,
  paused: false,
  disabledHosts: [],
  extraHosts: [],
  notePlace: 'top',
};

function defaults(): Settings {
  return { ...DEFAULT_SETTINGS, languages: defaultLanguages(globalThis.navigator?.language ?? 'en') };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  init: defaults,
  version: 2,
  migrations: {
    // v1 → v2: fields a page wrote unchecked are repaired or dropped (their defaults return on read).
    2: (old: unknown) => repairSettings(old),
  },
});

/** The settings with defaults filled in for anything missing (an older or partial value). */
export async function readSettings(): Promise<Settings> {
  const value = await settingsItem.getValue();
  return { ...defaults(), ...value };
}

// Changes from one context are applied one after another: two at once would each merge
// into the settings read before the other's write, and one change would be lost.
let pending: Promise<unknown> = Promise.resolve();

/** Merges a change into the settings; a function gets the settings as they are at that moment. */
export function updateSettings(change: Partial<Settings> | ((current: Settings) => Partial<Settings>)): Promise<Settings> {
  const run = pending.then(async () => {
    const current = await readSettings();
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    await settingsItem.setValue(next);
    return next;
  });
  pending = run.catch(() => {});
  return run;
}

/** Calls back with the full settings on every change; returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback({ ...defaults(), ...value }));
}
