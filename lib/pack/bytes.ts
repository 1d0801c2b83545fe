/**
 * Byte helpers that work alike in browsers, Node and the CLI: base64 (via
 * atob/btoa, present in all three) and the buffer shape WebCrypto accepts.
 */

/** WebCrypto wants memory backed by a plain ArrayBuffer; copy only when it is not. */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument count well under engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Standard base64 with padding; surrounding whitespace (a trailing newline in
 * `pack.json.sig`) is ignored. Returns null for anything else, so callers can
 * say what was wrong in their own words.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.trim();
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return null;
  let binary: string;
  try {
    binary = atob(clean);
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
