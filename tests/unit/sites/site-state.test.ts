import { describe, expect, it } from 'vitest';
import { forgotten, isCovered, siteState, turnedOff, turnedOn } from '@/lib/sites/site-state';

const base = { paused: false, disabledHosts: [] as string[], extraHosts: [] as string[] };

describe('where Gloss runs', () => {
  it('runs on the default sites and the sites turned on, and offers the rest', () => {
    expect(siteState(base, 'www.reuters.com')).toBe('on');
    expect(siteState(base, 'example.org')).toBe('available');
    expect(siteState({ ...base, extraHosts: ['example.org'] }, 'example.org')).toBe('on');
    expect(isCovered({ ...base, extraHosts: ['example.org'] }, 'www.example.org')).toBe(false);
    expect(siteState(base, null)).toBe('unsupported');
  });

  it('a site turned off stays off, pause stops everything, a one-off run is on', () => {
    expect(siteState({ ...base, disabledHosts: ['www.reuters.com'] }, 'www.reuters.com')).toBe('off');
    expect(siteState({ ...base, paused: true }, 'www.reuters.com')).toBe('paused');
    expect(siteState(base, 'example.org', true)).toBe('on');
    expect(siteState({ ...base, paused: true }, 'example.org', true)).toBe('paused');
    expect(siteState({ ...base, disabledHosts: ['example.org'] }, 'example.org', true)).toBe('off');
  });

  it('turning on and off changes only what it must', () => {
    const off = { ...base, ...turnedOff(base, 'www.reuters.com') };
    expect(off.disabledHosts).toEqual(['www.reuters.com']);
    expect(turnedOff(off, 'www.reuters.com').disabledHosts).toEqual(['www.reuters.com']);
    // A default site needs no entry of its own to be on.
    expect(turnedOn(off, 'www.reuters.com')).toEqual({ disabledHosts: [], extraHosts: [] });
    expect(turnedOn(base, 'example.org')).toEqual({ disabledHosts: [], extraHosts: ['example.org'] });
    expect(turnedOn({ ...base, extraHosts: ['example.org'] }, 'example.org').extraHosts).toEqual(['example.org']);
    expect(forgotten({ ...base, extraHosts: ['a.org', 'b.org'], disabledHosts: ['b.org'] }, 'b.org')).toEqual({
      extraHosts: ['a.org'],
      disabledHosts: [],
    });
  });
});
