import { describe, expect, it } from 'vitest';
import { checkFile } from '@/lib/pack/check-file';
import { sha256Hex } from '@/lib/pack/hash';
import { asyncRefusal } from './helpers';

const bytes = (text: string) => new TextEncoder().encode(text);
// Published test vectors (FIPS 180-2).
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256Hex', () => {
  it('matches the standard vectors', async () => {
    expect(await sha256Hex(new Uint8Array())).toBe(EMPTY);
    expect(await sha256Hex(bytes('abc'))).toBe(ABC);
  });

  it('hashes only the view, not the whole buffer behind it', async () => {
    const big = bytes('xxabcxx');
    expect(await sha256Hex(big.subarray(2, 5))).toBe(ABC);
  });
});

describe('checkFile', () => {
  it('passes a file that is what the manifest says, in either hex case', async () => {
    await expect(checkFile(bytes('abc'), { sha256: ABC, bytes: 3 }, 'snapshot-1.json')).resolves.toBeUndefined();
    await expect(checkFile(bytes('abc'), { sha256: ABC.toUpperCase(), bytes: 3 }, 'snapshot-1.json')).resolves.toBeUndefined();
  });

  it('refuses a file of another length, before hashing', async () => {
    const err = await asyncRefusal(() => checkFile(bytes('abcd'), { sha256: ABC, bytes: 3 }, 'snapshot-1.json'));
    expect(err.code).toBe('size');
    expect(err.message).toBe('snapshot-1.json: is 4 bytes, but pack.json says 3');
  });

  it('refuses a file with the right length and the wrong content', async () => {
    const err = await asyncRefusal(() => checkFile(bytes('abd'), { sha256: ABC, bytes: 3 }, 'delta-2.json'));
    expect(err.code).toBe('hash');
    expect(err.message).toContain('delta-2.json: its sha256 is');
    expect(err.message).toContain(`but pack.json says ${ABC}`);
  });
});
