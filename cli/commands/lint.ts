/**
 * `gloss-pack lint SRC [--strict]`: the publishing-hygiene checks of docs/pack-format.md on a
 * source folder. `build` runs the same checks and prints them as warnings.
 */
import { type Command } from '../command';
import { CliError } from '../errors';
import { formatFinding, lintEntities } from '../lint/checks';
import { count } from '../log';
import { readSource } from '../source';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'check a source folder for aliases that will give readers false highlights',
  usage: `gloss-pack lint SRC [--strict]

  SRC        a pack source folder (pack.yaml, entities/, briefs/)
  --strict   exit with an error when there is any warning (for a pack's continuous integration)

Checks every alias and name: common words of English, Turkish or Russian without needsContext or
caseSensitive; aliases shared by two entities; aliases of one or two letters; surnames of people
without afterFull; aliases that are the name of a place or state the pack also holds. Each warning
names the file, the entity, the alias and the fix.`,
  options: { strict: { type: 'boolean' } },
  args: { min: 1, max: 1 },
  async run({ positionals, values, log, print }) {
    const source = await readSource(positionals[0] ?? '', { log, only: 'entities' });
    const findings = lintEntities(source.entities);
    for (const f of findings) print(`warning: ${formatFinding(f)}`);
    const summary = `${count(findings.length, 'warning', 'warnings')} in ${count(source.entities.length, 'entity', 'entities')}`;
    if (values.strict === true && findings.length > 0) throw new CliError(`lint --strict: ${summary}`);
    log(summary);
    return 0;
  },
};
