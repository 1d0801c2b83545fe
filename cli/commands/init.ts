/** `gloss-pack init DIR`: a new source folder with one entity and one brief to copy from. */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { PACK_ID_PATTERN } from '../../lib/pack/fields';
import { stringOption, type Command } from '../command';
import { CliError, messageOf } from '../errors';

export interface InitOptions {
  pack?: string;
  title?: string;
  now?: Date;
}

/** A pack id from a folder name: `Asia Briefs` → `asia-briefs`. */
export function packIdFrom(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return PACK_ID_PATTERN.test(id) ? id : 'my-pack';
}

const packYaml = (pack: string, title: string) => `# What the pack is. Readers see the title and the publisher in Gloss's options page.
pack: ${pack}
title: ${JSON.stringify(title)}
publisher:
  name: Example Institute
  url: https://example.org/
  # Optional: an https page where readers can tell you a name was highlighted wrongly.
  # Gloss adds ?entity=<entity id>&page=<page address> when a reader clicks "Tell the publisher".
  # feedback: https://example.org/gloss-feedback
# Optional notes for yourself; not published.
description: Replace the example entity and brief with your own.
# Optional: a pack not rebuilt for this many days is shown to readers as stale.
# (gloss-pack build --refresh renews the date when nothing else changed.)
# expiresAfterDays: 90
`;

const entityYaml = `# One entity per file, or a list of them. Fields: docs/pack-format.md, "Entity".
id: united-nations
kind: organization
name:
  en: United Nations
  tr: Birleşmiş Milletler
  ru: Организация Объединённых Наций
aliases:
  # All-capital aliases of up to five letters only match in capitals.
  - text: UN
  - text: BM
    lang: tr
  - text: ООН
    lang: ru
description:
  en: Intergovernmental organisation of 193 member states, founded in 1945
  tr: 1945'te kurulan, 193 üyeli hükümetlerarası örgüt
  ru: Межправительственная организация из 193 государств-членов, основана в 1945 году
facts:
  - label: { en: Headquarters, tr: Merkez, ru: Штаб-квартира }
    value: { en: New York, tr: New York, ru: Нью-Йорк }
sameAs:
  - wikidata:Q1065
links:
  - title: { en: Official site }
    url: https://www.un.org/
`;

const briefYaml = (day: string) => `# One brief per file, or a list of them. Fields: docs/pack-format.md, "Brief".
id: example-brief
title: An example brief about the United Nations
url: https://example.org/briefs/example-brief
lang: en
published: ${day}
authors:
  - A. Writer
summary: >-
  One or two plain sentences that say what the brief argues. Readers see this
  in the hover card of every entity the brief is about.
about:
  - united-nations
# Pages the brief discusses; readers of those pages are told about the brief.
cites:
  - https://www.un.org/en/about-us
`;

export async function initPackDir(dir: string, opts: InitOptions = {}): Promise<string[]> {
  const existing = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw new CliError(`${dir}: could not be read (${messageOf(err)})`);
  });
  if (existing.length > 0) throw new CliError(`${dir}: is not empty; init only writes into a new or empty folder`);
  const pack = opts.pack ?? packIdFrom(basename(resolve(dir)));
  if (!PACK_ID_PATTERN.test(pack)) {
    throw new CliError(`--pack: "${pack}" must be 1 to 64 lowercase letters (a-z), digits and hyphens`, 2);
  }
  const day = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const files: [string, string][] = [
    ['pack.yaml', packYaml(pack, opts.title ?? 'My pack')],
    [join('entities', 'united-nations.yaml'), entityYaml],
    [join('briefs', 'example-brief.yaml'), briefYaml(day)],
  ];
  for (const [rel, text] of files) {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), text, { flag: 'wx' });
  }
  return files.map(([rel]) => join(dir, rel));
}

export const initCommand: Command = {
  name: 'init',
  summary: 'start a pack source folder with one example entity and brief',
  usage: `gloss-pack init DIR [--pack ID] [--title TEXT]

  DIR          a new or empty folder
  --pack ID    the pack's id (default: from the folder's name)
  --title TEXT the pack's title as readers see it`,
  options: { pack: { type: 'string' }, title: { type: 'string' } },
  args: { min: 1, max: 1 },
  async run({ positionals, values, log, print }) {
    const dir = positionals[0] ?? '';
    const pack = stringOption(values, 'pack');
    const title = stringOption(values, 'title');
    const files = await initPackDir(dir, { ...(pack ? { pack } : {}), ...(title ? { title } : {}) });
    for (const f of files) log(`  wrote ${f}`);
    print(`Made ${dir}. Edit it, then: gloss-pack build ${dir} --out OUT  (OUT is the folder you upload)`);
    return 0;
  },
};
