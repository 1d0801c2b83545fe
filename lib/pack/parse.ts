/**
 * The three parsers: bytes (or text) in, a typed file out, or a PackError that
 * says what is wrong and where. Each checks everything one file can show.
 */
import * as v from 'valibot';
import { PackError, shown } from './errors';
import { deltaSchema, manifestSchema, snapshotSchema } from './file-schemas';
import { describeIssues } from './issues';
import { DEFAULT_MAX_BYTES } from './limits';
import { readJson } from './read-json';
import { checkReferences, checkUniqueIds } from './references';
import { PACK_FORMAT, type Delta, type Manifest, type Snapshot } from './types';

export interface ParseOptions {
  /** Refuse files larger than this many bytes (default 64 MiB). */
  maxBytes?: number;
  /** The pack id the file must name (the subscription's, or the manifest's). */
  pack?: string;
  /** The version the manifest promised for this file. */
  version?: number;
  /** For a delta: the `from` the manifest listed it under. */
  from?: number;
}

type Input = Uint8Array | string;

/** Refuses files of another format before the schema, so the reason is the format, not a field. */
function checkFormat(data: unknown, fileName: string): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PackError('format', `${fileName}: must hold a JSON object, not ${shown(data)}`);
  }
  const format = (data as { format?: unknown }).format;
  if (format === undefined) {
    throw new PackError('format', `${fileName}: format: is required but missing (expected "${PACK_FORMAT}")`);
  }
  if (format !== PACK_FORMAT) {
    throw new PackError(
      'format',
      `${fileName}: format: ${shown(format)} is not a format this version of Gloss reads (expected "${PACK_FORMAT}")`,
    );
  }
}

function validate<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  fileName: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, data, { abortPipeEarly: true });
  if (!result.success) throw new PackError('schema', describeIssues(fileName, data, result.issues));
  return result.output;
}

function checkPack(actual: string, options: ParseOptions, fileName: string): void {
  if (options.pack !== undefined && actual !== options.pack) {
    throw new PackError(
      'pack-id',
      `${fileName}: pack: names pack "${actual}", but "${options.pack}" was expected`,
    );
  }
}

function checkNumber(field: string, actual: number, expected: number | undefined, fileName: string) {
  if (expected !== undefined && actual !== expected) {
    throw new PackError(
      'version',
      `${fileName}: ${field}: is ${actual}, but the manifest promised ${expected}`,
    );
  }
}

/** Checks an already parsed JSON value as a manifest. Used by the builders too. */
export function validateManifest(data: unknown, fileName: string, options: ParseOptions = {}): Manifest {
  checkFormat(data, fileName);
  const manifest = validate(manifestSchema, data, fileName);
  checkPack(manifest.pack, options, fileName);
  checkNumber('version', manifest.version, options.version, fileName);
  const problems: string[] = [];
  const seen = new Set<number>();
  manifest.deltas.forEach((d, i) => {
    if (d.from >= manifest.version) {
      problems.push(`${fileName}: deltas[${i}].from: must be lower than "version" (got ${d.from})`);
    } else if (seen.has(d.from)) {
      problems.push(`${fileName}: deltas[${i}].from: another delta already starts at ${d.from}`);
    }
    seen.add(d.from);
  });
  if (problems.length > 0) throw new PackError('schema', problems);
  return manifest;
}

export function validateSnapshot(data: unknown, fileName: string, options: ParseOptions = {}): Snapshot {
  checkFormat(data, fileName);
  const snapshot = validate(snapshotSchema, data, fileName);
  checkPack(snapshot.pack, options, fileName);
  checkNumber('version', snapshot.version, options.version, fileName);
  checkUniqueIds(snapshot.entities.map((e) => e.id), 'entity', fileName);
  checkUniqueIds(snapshot.briefs.map((b) => b.id), 'brief', fileName);
  // A snapshot is the whole pack, so its references can be checked on their own.
  checkReferences(snapshot.entities, snapshot.briefs, fileName);
  return snapshot;
}

function checkNotBoth(put: string[], removed: string[], what: string, fileName: string) {
  const putSet = new Set(put);
  const both = removed.filter((id) => putSet.has(id));
  if (both.length > 0) {
    throw new PackError(
      'duplicate',
      both.map((id) => `${fileName}: ${what} "${id}" is both put and removed`),
    );
  }
}

export function validateDelta(data: unknown, fileName: string, options: ParseOptions = {}): Delta {
  checkFormat(data, fileName);
  const delta = validate(deltaSchema, data, fileName);
  checkPack(delta.pack, options, fileName);
  checkNumber('from', delta.from, options.from, fileName);
  checkNumber('version', delta.version, options.version, fileName);
  const putEntities = delta.put.entities.map((e) => e.id);
  const putBriefs = delta.put.briefs.map((b) => b.id);
  checkUniqueIds(putEntities, 'entity', fileName);
  checkUniqueIds(putBriefs, 'brief', fileName);
  checkUniqueIds(delta.remove.entities, 'removed entity id', fileName);
  checkUniqueIds(delta.remove.briefs, 'removed brief id', fileName);
  // Put and remove of one id in one delta has no single meaning; refuse rather than guess.
  checkNotBoth(putEntities, delta.remove.entities, 'entity', fileName);
  checkNotBoth(putBriefs, delta.remove.briefs, 'brief', fileName);
  return delta;
}

const limit = (options: ParseOptions) => options.maxBytes ?? DEFAULT_MAX_BYTES;

/** Parses `pack.json`. */
export function parseManifest(input: Input, fileName = 'pack.json', options: ParseOptions = {}): Manifest {
  return validateManifest(readJson(input, fileName, limit(options)), fileName, options);
}

/** Parses a snapshot, including its references and id uniqueness. */
export function parseSnapshot(input: Input, fileName: string, options: ParseOptions = {}): Snapshot {
  return validateSnapshot(readJson(input, fileName, limit(options)), fileName, options);
}

/**
 * Parses a delta. Its references can only be checked against the records it
 * is applied to: run `checkReferences` on the result of `applyDelta`.
 */
export function parseDelta(input: Input, fileName: string, options: ParseOptions = {}): Delta {
  return validateDelta(readJson(input, fileName, limit(options)), fileName, options);
}
