import { PackError } from './errors';

/** Bytes a string takes as UTF-8, counted without encoding it (snapshots can be large). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** `1.5 MiB`, `812 bytes`: sizes as people read them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Size check, UTF-8 decoding and JSON parsing of one pack file. The size is
 * checked first so an oversized download is never decoded.
 */
export function readJson(input: Uint8Array | string, fileName: string, maxBytes: number): unknown {
  const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
  if (size > maxBytes) {
    throw new PackError(
      'too-large',
      `${fileName}: is ${formatBytes(size)}, more than the limit of ${formatBytes(maxBytes)}`,
    );
  }
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    try {
      // fatal: a file with broken UTF-8 is refused, not shown with replacement marks.
      // A leading byte-order mark is dropped by the decoder; editors on Windows add one.
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new PackError('json', `${fileName}: is not valid UTF-8 text`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new PackError('json', `${fileName}: is not valid JSON (${detail})`);
  }
}
