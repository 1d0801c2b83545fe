import { shapeBriefs } from '../card/brief-view';
import { isTrusted } from '../card/merge-rules';
import type { BriefRow, GlossDb, PackRow } from '../kb/db';
import { briefsAbout, briefsCiting, mergedEntity } from '../kb/queries';
import { refKey } from '../kb/rows';
import type { PageEntity, PageOverview } from '../messaging/reader-calls';
import { normalizeUrl } from '../pack/normalize-url';
import type { PageEntityCount } from '../page/page-summary';
import { entityItem } from './entity-item';
import { rankBriefs, type BriefRelation } from './rank-briefs';

export const MAX_RELATED_BRIEFS = 8;
/** So that one pack, however many briefs it holds, cannot fill the list. */
export const MAX_RELATED_PER_PACK = 4;
const MAX_PAGE_ENTITIES = 500;

/** The popup's view of a page: its entities named for the reader, and the briefs related to it. */
export async function pageOverview(
  db: GlossDb,
  counts: PageEntityCount[],
  urls: string[],
  languages: readonly string[],
): Promise<PageOverview> {
  const pages = [...new Set(urls.map(normalizeUrl).filter((u): u is string => u !== null))];
  return db.transaction('r', db.entities, db.briefs, db.packs, async () => {
    const entities: PageEntity[] = [];
    const relations = new Map<string, BriefRelation>();
    const rows = new Map<string, BriefRow>();
    const relate = (brief: BriefRow): BriefRelation => {
      const k = refKey(brief.sub, brief.id);
      rows.set(k, brief);
      let r = relations.get(k);
      if (!r) relations.set(k, (r = { citesPage: false, about: new Set() }));
      return r;
    };
    for (const { key, count } of counts.slice(0, MAX_PAGE_ENTITIES)) {
      const merged = await mergedEntity(db, key);
      const item = entityItem(merged, languages, key);
      if (!item) continue;
      entities.push({ ...item, count });
      for (const brief of await briefsAbout(db, merged)) relate(brief).about.add(key);
    }
    if (pages.length) for (const brief of await briefsCiting(db, pages)) relate(brief).citesPage = true;
    const subs = [...new Set([...rows.values()].map((r) => r.sub))];
    const packs = (await db.packs.bulkGet(subs)).filter((p): p is PackRow => p !== undefined);
    const packMap = new Map(packs.map((p) => [p.sub!, p]));
    const views = shapeBriefs([...rows.values()], packMap, languages);
    // One brief carried by two packs is shown once; it keeps what either copy relates.
    const byAddress = new Map<string, BriefRelation>();
    for (const [k, r] of relations) {
      const addr = addressOf(rows.get(k)!);
      const seen = byAddress.get(addr);
      if (!seen) byAddress.set(addr, { citesPage: r.citesPage, about: new Set(r.about) });
      else {
        seen.citesPage ||= r.citesPage;
        r.about.forEach((a) => seen.about.add(a));
      }
    }
    const briefs = rankBriefs(views, (view) => byAddress.get(addressOf(rows.get(view.key)!)), {
      limit: MAX_RELATED_BRIEFS,
      trusted: (view) => isTrusted(packMap.get(rows.get(view.key)!.sub)),
      perPack: MAX_RELATED_PER_PACK,
    });
    return { entities, briefs };
  });
}

const addressOf = (row: BriefRow) => normalizeUrl(row.record.url) ?? refKey(row.sub, row.id);
