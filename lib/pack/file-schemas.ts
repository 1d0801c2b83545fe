/**
 * Schemas of the three files: manifest, snapshot, delta. Checks that need
 * more than one field at a time (ids unique, delta sources) live in parse.ts,
 * where they can name the record.
 */
import * as v from 'valibot';
import {
  object,
  dayOrDateTime,
  httpUrl,
  httpsUrl,
  list,
  packId,
  positiveInt,
  recordId,
  publicKeyText,
  text,
} from './fields';
import { MAX_CHARS, MAX_ITEMS } from './limits';
import { briefSchema, entitySchema } from './record-schemas';
import { PACK_FORMAT, type Delta, type Manifest, type Snapshot } from './types';
import { toEpochMs } from './dates';

/** Why a manifest path is refused, or null. */
export function pathProblem(path: string): string | null {
  if (path === '') return 'must not be empty';
  if (path.length > MAX_CHARS.path) return `is too long (at most ${MAX_CHARS.path} characters)`;
  if (/[\s\u0000-\u001f\u007f\\#]/.test(path)) {
    return 'must not contain spaces, control characters, backslashes or "#"';
  }
  // Files live beside the manifest: no scheme, no other host.
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || path.startsWith('//')) {
    return 'must be a path relative to pack.json, not a full URL';
  }
  return null;
}

const filePath = v.pipe(
  v.string('must be a path such as "snapshot-42.json"'),
  v.check(
    (s) => pathProblem(s) === null,
    (issue) => pathProblem(String(issue.input)) ?? 'is not a usable path',
  ),
);

const sha256 = v.pipe(
  v.string('must be a sha256 digest in hexadecimal'),
  v.regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal digits'),
  // Hex case carries no meaning; one spelling keeps comparisons simple.
  v.toLowerCase(),
);

const byteCount = v.pipe(
  v.number('must be a number of bytes'),
  v.safeInteger('must be a whole number'),
  v.minValue(0, 'must be 0 or more'),
);

const fileEntry = object({ path: filePath, sha256, bytes: byteCount });

const deltaEntry = object({ from: positiveInt, path: filePath, sha256, bytes: byteCount });

const format = v.literal(PACK_FORMAT, `must be "${PACK_FORMAT}"`);

export const manifestSchema = v.pipe(
  object(
    {
      format,
      pack: packId,
      title: text(MAX_CHARS.title),
      publisher: v.optional(
        object({ name: text(MAX_CHARS.publisherName), url: v.optional(httpUrl), feedback: v.optional(httpsUrl) }),
      ),
      version: positiveInt,
      published: dayOrDateTime,
      expires: v.optional(dayOrDateTime),
      snapshot: fileEntry,
      deltas: v.optional(list(deltaEntry, MAX_ITEMS.deltas), () => []),
      nextKey: v.optional(publicKeyText),
    }),
  v.forward(
    v.check(
      (m) => m.expires === undefined || toEpochMs(m.expires) > toEpochMs(m.published),
      'must be after "published"',
    ),
    ['expires'],
  ),
);

const records = {
  entities: v.array(entitySchema, 'must be a list of entities'),
  briefs: v.array(briefSchema, 'must be a list of briefs'),
};

export const snapshotSchema = object(
  { format, pack: packId, version: positiveInt, ...records });

const idArray = v.array(recordId, 'must be a list of ids');

export const deltaSchema = v.pipe(
  object(
    {
      format,
      pack: packId,
      from: positiveInt,
      version: positiveInt,
      put: v.optional(
        object(
          {
            entities: v.optional(records.entities, () => []),
            briefs: v.optional(records.briefs, () => []),
          }),
        () => ({ entities: [], briefs: [] }),
      ),
      remove: v.optional(
        object(
          { entities: v.optional(idArray, () => []), briefs: v.optional(idArray, () => []) }),
        () => ({ entities: [], briefs: [] }),
      ),
    }),
  v.forward(
    v.check((d) => d.from < d.version, 'must be lower than "version"'),
    ['from'],
  ),
);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type ManifestMatches = Assert<Same<v.InferOutput<typeof manifestSchema>, Manifest>>;
type SnapshotMatches = Assert<Same<v.InferOutput<typeof snapshotSchema>, Snapshot>>;
type DeltaMatches = Assert<Same<v.InferOutput<typeof deltaSchema>, Delta>>;
