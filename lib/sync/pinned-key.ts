import { isPublicKeyText } from '../pack/fields';
import { verifySignature } from '../pack/signature';
import type { Manifest } from '../pack/types';

export interface Pin {
  publicKey: string;
  nextKey?: string;
}

/**
 * Which key of a subscription's pin signed the manifest: the pinned key, or the next key
 * a manifest signed by the pinned key announced. Null when neither did.
 */
export async function signingKey(manifestBytes: Uint8Array, signature: string, pin: Pin): Promise<string | null> {
  if (await verifySignature(manifestBytes, signature, pin.publicKey)) return pin.publicKey;
  if (pin.nextKey && (await verifySignature(manifestBytes, signature, pin.nextKey))) return pin.nextKey;
  return null;
}

/**
 * The pin once a manifest signed by `signedBy` is accepted: that key, and the next key the
 * manifest announces (it is trusted because the signature covers it). A manifest signed by
 * the announced key thus moves the pin, the way TUF and Debian rotate keys.
 */
export function pinAfter(signedBy: string, manifest: Pick<Manifest, 'nextKey'>): Pin {
  const next = manifest.nextKey && manifest.nextKey !== signedBy ? manifest.nextKey : undefined;
  // nextKey is written even when absent, so a withdrawn announcement clears the stored one.
  return { publicKey: signedBy, nextKey: next };
}

/** A key the reader typed: trimmed, and checked to be one before anything is stored. */
export function checkKeyInput(text: string): string {
  const key = text.trim();
  if (!isPublicKeyText(key)) {
    throw new Error('The publisher’s key must be an Ed25519 public key: 44 characters of base64, as gloss-pack keygen prints it.');
  }
  return key;
}

/** Re-adding a pack with a key other than the one pinned: the reader is asked first. */
export class KeyConflictError extends Error {
  override readonly name = 'KeyConflictError';
  constructor(
    readonly sub: number,
    readonly pinned: string,
    readonly offered: string,
  ) {
    super('This pack is pinned to another publisher key; replacing it needs the reader’s confirmation.');
  }
}
