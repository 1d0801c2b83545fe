/**
 * `pack.yaml`: what describes the pack apart from its records. The fields that
 * reach the manifest are checked with the format's own field schemas.
 */
import * as v from 'valibot';
import { httpsUrl, httpUrl, object, packId, publicKeyText, text } from '../lib/pack/fields';
import { describeIssues } from '../lib/pack/issues';
import { MAX_CHARS } from '../lib/pack/limits';
import type { PackMeta } from '../lib/pack/types';
import { droppedFields } from './dropped-fields';

export const PACK_META_FILES = ['pack.yaml', 'pack.yml'];

const metaSchema = object({
  pack: packId,
  title: text(MAX_CHARS.title),
  // `feedback`: where readers may report a wrong highlight (https only; opened by the reader's click).
  publisher: object({ name: text(MAX_CHARS.publisherName), url: v.optional(httpUrl), feedback: v.optional(httpsUrl) }),
  // Key rotation: the public key of the next key pair, announced in the signed pack.json.
  nextKey: v.optional(publicKeyText),
  // For the publisher's own notes: gloss-pack/1 has no place for it in pack.json.
  description: v.optional(v.string('must be text')),
  expiresAfterDays: v.optional(
    v.pipe(
      v.number('must be a number of days'),
      v.integer('must be a whole number of days'),
      v.minValue(1, 'must be 1 or more'),
      v.maxValue(3650, 'must be at most 3650 (ten years)'),
    ),
  ),
});

export interface SourceMeta {
  meta: PackMeta;
  description?: string;
  expiresAfterDays?: number;
}

export function checkMeta(raw: Record<string, unknown>, file: string): { value?: SourceMeta; errors: string[]; warnings: string[] } {
  const result = v.safeParse(metaSchema, raw, { abortPipeEarly: true });
  if (!result.success) return { errors: describeIssues(file, raw, result.issues), warnings: [] };
  const warnings = droppedFields(raw, result.output).map(
    (field) => `${file}: ${field}: is not a setting of pack.yaml; it was left out`,
  );
  const { pack, title, publisher, description, expiresAfterDays, nextKey } = result.output;
  return {
    value: {
      meta: {
        pack,
        title,
        publisher: {
          name: publisher.name,
          ...(publisher.url ? { url: publisher.url } : {}),
          ...(publisher.feedback ? { feedback: publisher.feedback } : {}),
        },
        ...(nextKey ? { nextKey: nextKey.trim() } : {}),
      },
      ...(description !== undefined ? { description } : {}),
      ...(expiresAfterDays !== undefined ? { expiresAfterDays } : {}),
    },
    errors: [],
    warnings,
  };
}
