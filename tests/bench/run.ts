// npm run bench: prints every figure the budgets ask for, each against its baseline in the same run.
import { benchMatcher } from './matcher';
import { benchContext } from './context';
import { benchPackApply } from './pack-apply';
import { benchAnnotate } from './annotate';
import { benchAnnotateLoad } from './annotate-load';
import { benchCards } from './cards';
import { benchTouchCards } from './touch-cards';
import { benchWordpressHtml } from './wordpress-html';
import { benchWikidataDump } from './wikidata-dump';

const only = process.argv.slice(2);
const benches: [string, (log: (line: string) => void) => Promise<void>][] = [
  ['matcher', benchMatcher],
  ['context', benchContext],
  ['apply', benchPackApply],
  ['annotate', benchAnnotate],
  ['annotate-load', benchAnnotateLoad],
  ['cards', benchCards],
  ['touch', benchTouchCards],
  ['page-cost', async (log) => (await import('./page-cost')).benchPageCost(log)],
  ['wordpress-html', benchWordpressHtml],
  ['wikidata-dump', benchWikidataDump],
];

for (const [name, run] of benches) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run((line) => console.log(line));
}
