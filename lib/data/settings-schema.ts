import * as v from 'valibot';
import { LANG_PATTERN } from '../pack/fields';
import { describeIssues } from '../pack/issues';
import { ENTITY_KINDS } from '../pack/types';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { MAX_HOVER_DELAY } from '../settings-repair';
import { parseHostInput } from '../sites/hosts';

export { MAX_HOVER_DELAY };

const host = v.pipe(
  v.string('must be a host name'),
  v.check((s) => parseHostInput(s) === s, 'is not a host name such as "www.example.org"'),
);
const hosts = v.pipe(v.array(host, 'must be a list'), v.maxLength(1000, 'has too many hosts'));

/** Settings as a file may carry them; a field an older file lacks takes its default. */
const settingsSchema = v.object(
  {
    languages: v.optional(
      v.pipe(
        v.array(v.pipe(v.string(), v.regex(LANG_PATTERN, 'is not a language code')), 'must be a list'),
        v.minLength(1, 'needs at least one language'),
        v.maxLength(50, 'has too many languages'),
      ),
    ),
    highlightStyle: v.optional(v.picklist(['underline', 'background'], 'must be "underline" or "background"'), DEFAULT_SETTINGS.highlightStyle),
    hiddenKinds: v.optional(v.array(v.picklist(ENTITY_KINDS, 'is not a kind of entity'), 'must be a list'), []),
    mentions: v.optional(v.picklist(['all', 'first'], 'must be "all" or "first"'), DEFAULT_SETTINGS.mentions),
    hoverDelay: v.optional(
      v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'), v.maxValue(MAX_HOVER_DELAY, `must be at most ${MAX_HOVER_DELAY}`)),
      DEFAULT_SETTINGS.hoverDelay,
    ),
    paused: v.optional(v.boolean('must be true or false'), false),
    disabledHosts: v.optional(hosts, []),
    extraHosts: v.optional(hosts, []),
    notePlace: v.optional(v.picklist(['top', 'bottom'], 'must be "top" or "bottom"'), DEFAULT_SETTINGS.notePlace),
  },
  'must be an object',
);

/**
 * Checks settings read from a file. Returns them with defaults filled in (languages
 * from `fallbackLanguages`), or the problems, each naming the field.
 */
export function validateSettings(
  data: unknown,
  where: string,
  fallbackLanguages: string[],
): { ok: true; value: Settings } | { ok: false; problems: string[] } {
  const result = v.safeParse(settingsSchema, data);
  if (!result.success) return { ok: false, problems: describeIssues(where, data, result.issues) };
  const { languages, ...rest } = result.output;
  const unique = (list: string[]) => [...new Set(list)];
  return {
    ok: true,
    value: {
      ...rest,
      languages: unique(languages ?? fallbackLanguages),
      hiddenKinds: unique(rest.hiddenKinds) as Settings['hiddenKinds'],
      disabledHosts: unique(rest.disabledHosts),
      extraHosts: unique(rest.extraHosts),
    },
  };
}
