import { PackError } from './errors';
import { sha256Hex } from './hash';
import type { FileEntry } from './types';

/**
 * Refuses a downloaded file that is not the one the manifest describes. The
 * byte count is checked first: it is free, and explains a truncated download.
 */
export async function checkFile(
  bytes: Uint8Array,
  expected: Pick<FileEntry, 'sha256' | 'bytes'>,
  fileName: string,
): Promise<void> {
  if (bytes.byteLength !== expected.bytes) {
    throw new PackError(
      'size',
      `${fileName}: is ${bytes.byteLength} bytes, but pack.json says ${expected.bytes}`,
    );
  }
  const actual = await sha256Hex(bytes);
  if (actual !== expected.sha256.toLowerCase()) {
    throw new PackError(
      'hash',
      `${fileName}: its sha256 is ${actual}, but pack.json says ${expected.sha256}; the file was changed or damaged`,
    );
  }
}
