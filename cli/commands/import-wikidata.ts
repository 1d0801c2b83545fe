/**
 * `gloss-pack import-wikidata SRC (--ids … | --sparql FILE | --dump FILE [--filter …])`:
 * entity files from Wikidata items. The work is in cli/wikidata/.
 */
import { readFile } from 'node:fs/promises';
import { stringOption, type Command } from '../command';
import { CliError, messageOf } from '../errors';
import { parseFilter } from '../wikidata/dump';
import { idsOfSparql, readIdsOption } from '../wikidata/inputs';
import { importWikidata, type ImportInput } from '../wikidata/import';

export const importWikidataCommand: Command = {
  name: 'import-wikidata',
  summary: 'write entity files from Wikidata items (by id, SPARQL results or a dump)',
  usage: `gloss-pack import-wikidata SRC (--ids IDS | --sparql FILE | --dump FILE [--filter P=Q,...]) [options]

  SRC             the pack source folder; files go to SRC/entities/wikidata/ (one per item)
  --ids IDS       Q-ids (Q423,Q159) or a file of them, one per line
  --sparql FILE   a SPARQL results file (JSON) from query.wikidata.org; its items are imported
  --dump FILE     a Wikidata JSON dump (latest-all.json or .json.gz), read as a stream
  --filter P=Q    with --dump: keep items with any of these claims (P31=Q5,P31=Q3624078)
  --lang CODES    languages of names, aliases, descriptions and links (default en,tr,ru)
  --api URL       the wiki's root (default https://www.wikidata.org; the API is URL/w/api.php)
  --contact TEXT  your e-mail address or site, sent in the User-Agent as Wikimedia asks
  --out DIR       where entity files go (default SRC/entities/wikidata)

Kinds come from "instance of": human, sovereign state, international organisation, armed
conflict, war, summit, election, treaty, city; other items are skipped with a note. Importing
again replaces the files it wrote; a file you have edited is kept as you left it. Nothing is
written unless every item could be fetched and mapped.`,
  options: {
    ids: { type: 'string' },
    sparql: { type: 'string' },
    dump: { type: 'string' },
    filter: { type: 'string' },
    lang: { type: 'string' },
    api: { type: 'string' },
    contact: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  args: { min: 1, max: 1 },
  async run({ positionals, values, log }) {
    const ids = stringOption(values, 'ids');
    const sparql = stringOption(values, 'sparql');
    const dump = stringOption(values, 'dump');
    const filter = stringOption(values, 'filter');
    if ([ids, sparql, dump].filter((v) => v !== undefined).length !== 1) {
      throw new CliError('import-wikidata: give exactly one of --ids, --sparql and --dump', 2);
    }
    if (filter !== undefined && dump === undefined) throw new CliError('import-wikidata: --filter goes with --dump', 2);
    let input: ImportInput;
    if (ids !== undefined) input = { ids: await readIdsOption(ids) };
    else if (sparql !== undefined) {
      const text = await readFile(sparql, 'utf8').catch((err: unknown) => {
        throw new CliError(`${sparql}: could not be read (${messageOf(err)})`);
      });
      input = { ids: idsOfSparql(text, sparql) };
    } else input = { dump: dump!, ...(filter ? { filter: parseFilter(filter) } : {}) };
    const lang = stringOption(values, 'lang');
    const languages = lang?.split(',').map((l) => l.trim()).filter(Boolean);
    if (languages && (languages.length === 0 || languages.some((l) => !/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(l)))) {
      throw new CliError(`--lang: "${lang}" is not a comma-separated list of language codes (en,tr,ru)`, 2);
    }
    const api = stringOption(values, 'api');
    const contact = stringOption(values, 'contact');
    const out = stringOption(values, 'out');
    await importWikidata(input, {
      src: positionals[0] ?? '',
      log,
      ...(languages ? { languages } : {}),
      ...(api ? { api } : {}),
      ...(contact ? { contact } : {}),
      ...(out ? { out } : {}),
    });
    return 0;
  },
};
