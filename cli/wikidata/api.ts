/**
 * Fetching items from a Wikibase API with wbgetentities: batches of 50, a descriptive
 * User-Agent, maxlag, and retries with back-off on network failures, 429, 5xx and maxlag.
 * Fetch and sleep are injected so that retries are tested without waiting.
 */
import { WBK } from 'wikibase-sdk';
import { CliError, messageOf } from '../errors';
import { silent, type Log } from '../log';
import { GLOSS_VERSION } from '../version';
import type { RawItem } from './raw';

export const DEFAULT_API = 'https://www.wikidata.org';
/** Wikimedia asks bots to say who they are and how to reach their operator (--contact). */
export function userAgent(contact?: string): string {
  return `gloss-pack/${GLOSS_VERSION} (Gloss knowledge-pack importer${contact ? `; ${contact}` : ''})`;
}
/** The API's own limit for anonymous clients. */
export const BATCH = 50;
/** Seconds of replication lag at which the API asks bots to wait (its recommended value). */
export const MAXLAG = 5;

export interface ApiOptions {
  /** The wiki's root (the API is at ROOT/w/api.php). */
  api?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Tries per request before giving up. */
  attempts?: number;
  /** First wait; each retry doubles it unless the server names its own (Retry-After). */
  backoffMs?: number;
  /** An e-mail address or URL for the User-Agent. */
  contact?: string;
  log?: Log;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface ApiAnswer {
  entities?: Record<string, unknown>;
  error?: { code?: string; info?: string; lag?: number };
}

class Retry extends Error {
  constructor(
    message: string,
    readonly waitMs?: number,
  ) {
    super(message);
  }
}

function retryAfter(res: Response): number | undefined {
  const s = Number(res.headers.get('retry-after'));
  return Number.isFinite(s) && s > 0 ? s * 1000 : undefined;
}

async function once(url: string, doFetch: typeof fetch, agent: string): Promise<ApiAnswer> {
  let res: Response;
  try {
    res = await doFetch(url, { headers: { 'User-Agent': agent, Accept: 'application/json' } });
  } catch (err) {
    throw new Retry(`could not reach the API (${messageOf(err)})`);
  }
  if (res.status === 429 || res.status >= 500) throw new Retry(`the API answered HTTP ${res.status}`, retryAfter(res));
  if (!res.ok) throw new CliError(`the API answered HTTP ${res.status} for ${url}`);
  let body: ApiAnswer;
  try {
    body = (await res.json()) as ApiAnswer;
  } catch (err) {
    throw new Retry(`the API's answer is not JSON (${messageOf(err)})`);
  }
  if (body.error?.code === 'maxlag') throw new Retry(`the API is lagging (${body.error.info ?? 'maxlag'})`, retryAfter(res));
  if (body.error) throw new CliError(`the API refused ${url}: ${body.error.code ?? 'error'}: ${body.error.info ?? ''}`.trim());
  if (!body.entities || typeof body.entities !== 'object') throw new CliError(`the API's answer for ${url} holds no "entities"`);
  return body;
}

/** One request, retried; a CliError once the tries are spent. */
export async function getJson(url: string, opts: ApiOptions): Promise<ApiAnswer> {
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? realSleep;
  const attempts = opts.attempts ?? 5;
  let wait = opts.backoffMs ?? 1000;
  for (let i = 1; ; i++) {
    try {
      return await once(url, doFetch, userAgent(opts.contact));
    } catch (err) {
      if (!(err instanceof Retry)) throw err;
      if (i >= attempts) throw new CliError(`${err.message}; gave up after ${attempts} tries (${url}); nothing was written`);
      const ms = err.waitMs ?? wait;
      (opts.log ?? silent)(`  ${err.message}; trying again in ${Math.round(ms / 100) / 10} s`);
      await sleep(ms);
      wait *= 2;
    }
  }
}

export type Props = 'labels' | 'aliases' | 'descriptions' | 'claims' | 'sitelinks' | 'info';

/** Every requested item's JSON as the API answers it (missing and redirected ones included). */
export async function fetchItems(
  ids: readonly string[],
  languages: readonly string[],
  props: readonly Props[],
  opts: ApiOptions,
): Promise<Record<string, unknown>> {
  const wbk = WBK({ instance: (opts.api ?? DEFAULT_API).replace(/\/+$/, '') });
  const out: Record<string, unknown> = {};
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH) as `Q${number}`[];
    const url = new URL(wbk.getEntities({ ids: batch, languages: [...languages], props: [...props], redirects: true }));
    url.searchParams.set('maxlag', String(MAXLAG));
    const body = await getJson(url.toString(), opts);
    Object.assign(out, body.entities);
    if (ids.length > BATCH) (opts.log ?? silent)(`  fetched ${Math.min(i + BATCH, ids.length)} of ${ids.length}`);
  }
  return out;
}

export type Labels = Map<string, Record<string, string>>;

/** Labels of items named in claims, to write facts in words. */
export async function fetchLabels(ids: readonly string[], languages: readonly string[], opts: ApiOptions): Promise<Labels> {
  const found = await fetchItems(ids, languages, ['labels'], opts);
  const out: Labels = new Map();
  for (const [id, item] of Object.entries(found)) {
    const labels = (item as Partial<RawItem>).labels;
    if (!labels) continue;
    out.set(id, Object.fromEntries(Object.entries(labels).flatMap(([l, v]) => (v ? [[l, v.value]] : []))));
  }
  return out;
}
