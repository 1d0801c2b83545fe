/**
 * Why a pack file or update was refused. `code` is for programs (tests, the
 * options page picking an icon); `message` is for people and names the file,
 * the record and the field.
 */
export type PackErrorCode =
  /** Not valid UTF-8 or not valid JSON. */
  | 'json'
  /** The `format` field is missing or names a format this client does not know. */
  | 'format'
  /** A record or field does not match the format. */
  | 'schema'
  /** The file names another pack than the one expected. */
  | 'pack-id'
  /** The file's `version` (or `from`) is not the one the manifest promised. */
  | 'version'
  /** Two records of one kind share an id inside one file. */
  | 'duplicate'
  /** A reference names an id the pack does not hold. */
  | 'reference'
  /** Larger than the client's limit. */
  | 'too-large'
  /** Byte count differs from the manifest. */
  | 'size'
  /** sha256 differs from the manifest. */
  | 'hash'
  /** Missing or invalid signature where a key is pinned. */
  | 'signature'
  /** A public or private key that is not usable. */
  | 'key'
  /** The manifest is older than the version held. */
  | 'rollback'
  /** A file was redirected to another site. */
  | 'redirect';

export class PackError extends Error {
  override readonly name = 'PackError';
  readonly code: PackErrorCode;
  /** Every problem found, one full sentence each; `message` starts with the first. */
  readonly problems: readonly string[];

  constructor(code: PackErrorCode, problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    const first = list[0] ?? 'the pack was refused';
    const more = list.length - 1;
    super(more > 0 ? `${first} (and ${more} more problem${more === 1 ? '' : 's'})` : first);
    this.code = code;
    this.problems = list;
  }
}

export function isPackError(err: unknown): err is PackError {
  return err instanceof PackError;
}

/** Quotes a value the way messages show it: short, and never multi-line. */
export function shown(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
