import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { validateSettings } from '@/lib/data/settings-schema';
import { repairSettings } from '@/lib/settings-repair';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('stored settings', () => {
  it('a version 1 value is repaired once, on first use: bad fields go, good ones stay', async () => {
    await fakeBrowser.storage.local.set({
      settings: { languages: ['ru', 'ru', 'not a tag'], highlightStyle: 'blink', hiddenKinds: ['event', 'planet'], hoverDelay: 99_999, paused: 'yes', extraHosts: ['Example.org', 'example.org'] },
    });
    const { readSettings } = await import('@/lib/settings');
    const settings = await readSettings();
    expect(settings).toMatchObject({
      languages: ['ru'],
      highlightStyle: 'underline',
      hiddenKinds: ['event'],
      hoverDelay: 3000,
      paused: false,
      extraHosts: ['example.org'],
    });
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
  });

  it('a new install starts at the latest version with defaults from the interface language', async () => {
    const { readSettings } = await import('@/lib/settings');
    expect((await readSettings()).mentions).toBe('all');
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
  });

  it('changes from one page are applied in turn, none lost', async () => {
    const { readSettings, updateSettings } = await import('@/lib/settings');
    await Promise.all([updateSettings({ paused: true }), updateSettings((s) => ({ disabledHosts: [...s.disabledHosts, 'a.org'] })), updateSettings((s) => ({ disabledHosts: [...s.disabledHosts, 'b.org'] }))]);
    expect(await readSettings()).toMatchObject({ paused: true, disabledHosts: ['a.org', 'b.org'] });
  });

  it('repair leaves a valid value as it is', () => {
    const valid = { languages: ['tr', 'en'], highlightStyle: 'background', hiddenKinds: [], mentions: 'first', hoverDelay: 200, paused: true, disabledHosts: ['www.reuters.com'], extraHosts: [] };
    expect(repairSettings(valid)).toEqual(valid);
    expect(repairSettings('nonsense')).toEqual({});
  });

  it('settings from a file are checked strictly, not repaired', () => {
    expect(validateSettings({ hoverDelay: 99_999 }, 'f.json: settings', ['en'])).toEqual({ ok: false, problems: ['f.json: settings: hoverDelay: must be at most 3000 (got 99999)'] });
    expect(validateSettings({ extraHosts: ['not a host'] }, 'f.json: settings', ['en'])).toMatchObject({ ok: false });
  });
});
