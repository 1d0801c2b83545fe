import { describe, expect, it } from 'vitest';
import { checkVersion, isStale, planUpdate } from '@/lib/pack/version';
import { parseManifest } from '@/lib/pack/parse';
import { json, rawManifest, refusal } from './helpers';

describe('checkVersion', () => {
  it('applies a first or newer version, and ignores the same one', () => {
    expect(checkVersion(null, 1)).toBe('apply');
    expect(checkVersion(41, 42)).toBe('apply');
    expect(checkVersion(42, 42)).toBe('noop');
  });

  it('refuses a rollback', () => {
    const err = refusal(() => checkVersion(42, 41));
    expect(err.code).toBe('rollback');
    expect(err.message).toBe('pack.json: version 41 is older than version 42, which is already installed');
  });
});

describe('planUpdate', () => {
  const manifest = parseManifest(json(rawManifest()));

  it('takes the delta listed for the held version', () => {
    expect(planUpdate(manifest, 41)).toEqual({ kind: 'delta', file: manifest.deltas[0] });
  });

  it('takes the snapshot otherwise', () => {
    expect(planUpdate(manifest, 30)).toEqual({ kind: 'snapshot', file: manifest.snapshot });
    expect(planUpdate(manifest, null)).toEqual({ kind: 'snapshot', file: manifest.snapshot });
  });

  it('does nothing at the same version and refuses an older one', () => {
    expect(planUpdate(manifest, 42)).toEqual({ kind: 'noop' });
    expect(refusal(() => planUpdate(manifest, 43)).code).toBe('rollback');
  });
});

describe('isStale', () => {
  it('is stale from the expiry on, never without one', () => {
    const expires = Date.parse('2027-01-30T08:00:00Z');
    expect(isStale({ expires: '2027-01-30T08:00:00Z' }, expires - 1)).toBe(false);
    expect(isStale({ expires: '2027-01-30T08:00:00Z' }, expires)).toBe(true);
    expect(isStale({ expires: '2027-01-30' }, Date.parse('2027-01-30T00:00:01Z'))).toBe(true);
    expect(isStale({}, Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
