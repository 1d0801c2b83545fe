import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64 } from '@/lib/pack/bytes';
import {
  checkSignature,
  generateKeyPair,
  parsePublicKey,
  sign,
  verifySignature,
} from '@/lib/pack/signature';
import { asyncRefusal, refusal } from './helpers';
import type { KeyPair } from '@/lib/pack/signature';

const manifest = new TextEncoder().encode('{"format":"gloss-pack/1","pack":"p","version":1}\n');

describe('Ed25519 signatures', () => {
  let keys: KeyPair;
  let other: KeyPair;
  let signature: string;
  beforeAll(async () => {
    keys = await generateKeyPair();
    other = await generateKeyPair();
    signature = await sign(manifest, keys.privateKey);
  });

  it('keys and signatures have the documented sizes', () => {
    expect(decodeBase64(keys.publicKey)).toHaveLength(32);
    expect(decodeBase64(signature)).toHaveLength(64);
    expect(parsePublicKey(keys.publicKey)).toHaveLength(32);
  });

  it('a good signature verifies, also with the trailing newline of a .sig file', async () => {
    expect(await verifySignature(manifest, signature, keys.publicKey)).toBe(true);
    expect(await verifySignature(manifest, `${signature}\n`, keys.publicKey)).toBe(true);
  });

  it('one changed byte of the manifest fails', async () => {
    const changed = manifest.slice();
    changed[10] = (changed[10] ?? 0) ^ 1;
    expect(await verifySignature(changed, signature, keys.publicKey)).toBe(false);
  });

  it('a changed signature fails', async () => {
    const raw = decodeBase64(signature)!;
    raw[0] = (raw[0] ?? 0) ^ 1;
    const bad = btoa(String.fromCharCode(...raw));
    expect(await verifySignature(manifest, bad, keys.publicKey)).toBe(false);
  });

  it('the wrong key fails', async () => {
    expect(await verifySignature(manifest, signature, other.publicKey)).toBe(false);
  });

  it('garbled base64 or wrong lengths give false, not an exception', async () => {
    expect(await verifySignature(manifest, 'not base64 at all!', keys.publicKey)).toBe(false);
    expect(await verifySignature(manifest, signature.slice(0, -4), keys.publicKey)).toBe(false);
    expect(await verifySignature(manifest, signature, '%%%')).toBe(false);
    expect(await verifySignature(manifest, signature, btoa('short key'))).toBe(false);
    expect(await verifySignature(manifest, '', keys.publicKey)).toBe(false);
  });

  it('parsePublicKey refuses what cannot be a key', () => {
    const garbled = refusal(() => parsePublicKey('***'));
    expect(garbled.code).toBe('key');
    expect(garbled.message).toBe('the public key is not valid base64');
    const short = refusal(() => parsePublicKey(btoa('0123456789')));
    expect(short.code).toBe('key');
    expect(short.message).toBe('the public key must be 32 bytes, but it is 10');
  });

  it('sign refuses a private key that is not PKCS #8 Ed25519', async () => {
    const err = await asyncRefusal(() => sign(manifest, keys.publicKey));
    expect(err.code).toBe('key');
    expect((await asyncRefusal(() => sign(manifest, '@@'))).code).toBe('key');
  });

  it('checkSignature refuses a missing or wrong signature when a key is pinned', async () => {
    await expect(checkSignature(manifest, signature, keys.publicKey)).resolves.toBeUndefined();
    const missing = await asyncRefusal(() => checkSignature(manifest, null, keys.publicKey));
    expect(missing.code).toBe('signature');
    expect(missing.message).toContain('pack.json: has no signature (pack.json.sig)');
    const wrong = await asyncRefusal(() => checkSignature(manifest, signature, other.publicKey));
    expect(wrong.code).toBe('signature');
    expect(wrong.message).toContain("pack.json: its signature does not match the publisher's key");
  });
});
