import { ENTITY_KINDS, type EntityKind } from './pack/types';
import type { Settings } from './settings';

/** The longest hover delay a reader can set: past it, a card would seem not to open at all. */
export const MAX_HOVER_DELAY = 3000;

const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const strings = (v: unknown, ok: (s: string) => boolean): string[] | undefined =>
  Array.isArray(v) ? [...new Set(v.filter((s): s is string => typeof s === 'string' && ok(s)))] : undefined;

/**
 * Settings as stored, with every field that is not what this version expects left out
 * (reads fill in its default). Version 1 stored whatever a page wrote; from version 2
 * every stored field is valid.
 */
export function repairSettings(value: unknown): Partial<Settings> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const out: Partial<Settings> = {};
  const languages = strings(v.languages, (s) => LANG.test(s));
  if (languages?.length) out.languages = languages;
  if (v.highlightStyle === 'underline' || v.highlightStyle === 'background') out.highlightStyle = v.highlightStyle;
  const kinds = strings(v.hiddenKinds, (s) => (ENTITY_KINDS as readonly string[]).includes(s));
  if (kinds) out.hiddenKinds = kinds as EntityKind[];
  if (v.mentions === 'all' || v.mentions === 'first') out.mentions = v.mentions;
  if (typeof v.hoverDelay === 'number' && Number.isFinite(v.hoverDelay)) {
    out.hoverDelay = Math.min(MAX_HOVER_DELAY, Math.max(0, Math.round(v.hoverDelay)));
  }
  if (typeof v.paused === 'boolean') out.paused = v.paused;
  const disabled = strings(v.disabledHosts, (s) => HOST.test(s));
  if (disabled) out.disabledHosts = disabled;
  const extra = strings(v.extraHosts, (s) => HOST.test(s));
  if (extra) out.extraHosts = extra;
  if (v.notePlace === 'top' || v.notePlace === 'bottom') out.notePlace = v.notePlace;
  return out;
}
