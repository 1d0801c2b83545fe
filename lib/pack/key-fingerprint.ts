import { bufferSource, decodeBase64 } from './bytes';

/**
 * A short, readable form of a public key for readers to compare with what the publisher
 * shows (the CLI prints the same): the first 16 bytes of the SHA-256 of the raw key, in
 * hexadecimal groups of four (`3f2a 91c0 …`). Null when the text is not a 32-byte key.
 */
export async function keyFingerprint(publicKeyBase64: string): Promise<string | null> {
  const raw = decodeBase64(publicKeyBase64);
  if (!raw || raw.length !== 32) return null;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bufferSource(raw)));
  const hex = [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join(' ');
}
