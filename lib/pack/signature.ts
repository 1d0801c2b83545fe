/**
 * Ed25519 signatures over the exact bytes of pack.json, through WebCrypto
 * (browsers, Node 20 and the CLI share it; no extra library to audit).
 * Public keys travel as base64 of the raw 32 bytes, private keys as base64 of
 * PKCS #8, signatures as base64 of the 64 bytes.
 */
import { bufferSource, decodeBase64, encodeBase64 } from './bytes';
import { PackError } from './errors';

const ED25519 = { name: 'Ed25519' } as const;

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

/**
 * Decodes a pinned public key, throwing 'key' when it cannot be one. The
 * options page can call this when a reader pastes a key, to refuse it early.
 */
export function parsePublicKey(base64: string): Uint8Array {
  const raw = decodeBase64(base64);
  if (raw === null) throw new PackError('key', 'the public key is not valid base64');
  if (raw.length !== 32) {
    throw new PackError('key', `the public key must be 32 bytes, but it is ${raw.length}`);
  }
  return raw;
}

/**
 * True only when the signature is valid for these bytes under this key.
 * Anything unusable (bad base64, wrong lengths, a key WebCrypto rejects)
 * gives false rather than an exception: for the caller it is all "not signed".
 */
export async function verifySignature(
  manifestBytes: Uint8Array,
  signatureBase64: string,
  publicKeyBase64: string,
): Promise<boolean> {
  const signature = decodeBase64(signatureBase64);
  const raw = decodeBase64(publicKeyBase64);
  if (!signature || signature.length !== 64 || !raw || raw.length !== 32) return false;
  try {
    const key = await subtle().importKey('raw', bufferSource(raw), ED25519, false, ['verify']);
    return await subtle().verify(ED25519, key, bufferSource(signature), bufferSource(manifestBytes));
  } catch {
    return false;
  }
}

/**
 * The rule for a subscription with a pinned key: a manifest without a valid
 * signature is refused (code 'signature'). `signatureText` is the content of
 * pack.json.sig, or null when it could not be fetched.
 */
export async function checkSignature(
  manifestBytes: Uint8Array,
  signatureText: string | null,
  publicKeyBase64: string,
  fileName = 'pack.json',
): Promise<void> {
  parsePublicKey(publicKeyBase64);
  if (signatureText === null || signatureText.trim() === '') {
    throw new PackError(
      'signature',
      `${fileName}: has no signature (${fileName}.sig), but this subscription requires one`,
    );
  }
  if (!(await verifySignature(manifestBytes, signatureText, publicKeyBase64))) {
    throw new PackError(
      'signature',
      `${fileName}: its signature does not match the publisher's key; the file may have been altered`,
    );
  }
}

export interface KeyPair {
  /** base64 of the raw 32-byte public key: what subscribers pin. */
  publicKey: string;
  /** base64 of the PKCS #8 private key: what the publisher keeps secret. */
  privateKey: string;
}

export async function generateKeyPair(): Promise<KeyPair> {
  const pair = (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const privateKey = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  return { publicKey: encodeBase64(publicKey), privateKey: encodeBase64(privateKey) };
}

/** Signs bytes (pack.json) and returns the base64 signature for pack.json.sig. */
export async function sign(bytes: Uint8Array, privateKeyBase64: string): Promise<string> {
  const pkcs8 = decodeBase64(privateKeyBase64);
  if (pkcs8 === null) throw new PackError('key', 'the private key is not valid base64');
  let key: CryptoKey;
  try {
    key = await subtle().importKey('pkcs8', bufferSource(pkcs8), ED25519, false, ['sign']);
  } catch {
    throw new PackError('key', 'the private key is not an Ed25519 key in PKCS #8 form');
  }
  const signature = new Uint8Array(await subtle().sign(ED25519, key, bufferSource(bytes)));
  return encodeBase64(signature);
}
