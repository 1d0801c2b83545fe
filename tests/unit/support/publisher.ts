import { buildRelease, type Brief, type Entity, type Manifest, type Snapshot } from '@/lib/pack';

export const BASE = 'https://packs.example.org/asia/';
export const MANIFEST_URL = `${BASE}pack.json`;

export interface Served {
  body: Uint8Array | (() => ReadableStream<Uint8Array>);
  status?: number;
  etag?: string;
}

/**
 * A publisher's web server in memory: publishes versions the way the CLI does (snapshot,
 * delta from the previous version, manifest, optional signature) and serves them to an
 * injected fetch with ETag support. Tests reach in to damage files.
 */
export class FakePublisher {
  readonly files = new Map<string, Served>();
  readonly requests: { url: string; headers: Record<string, string>; cache?: RequestCache }[] = [];
  snapshots: Snapshot[] = [];
  /** The last release's manifest and its bytes, as the next release's starting point. */
  private last?: { manifest: Manifest; manifestBytes: Uint8Array };
  privateKey?: string;
  offline = false;
  /** The publisher's feedback address (`publisher.feedback`), when set. */
  feedback?: string;
  constructor(
    readonly pack = 'asia-briefs',
    readonly base = BASE,
    /** The pack's title in its manifest. */
    public title = 'Asia briefs',
  ) {}

  async publish(entities: Entity[], briefs: Brief[] = [], opts: { expires?: string; keepSnapshotOnly?: boolean; nextKey?: string } = {}) {
    const previous = this.snapshots.at(-1);
    const release = await buildRelease({
      meta: {
        pack: this.pack,
        title: this.title,
        publisher: { name: 'Example Institute', url: 'https://example.org/', ...(this.feedback ? { feedback: this.feedback } : {}) },
        ...(opts.nextKey ? { nextKey: opts.nextKey } : {}),
      },
      entities,
      briefs,
      // Like the CLI, but always a new version, and a delta only from the version before.
      previous: previous && this.last ? { ...this.last, snapshots: [previous] } : undefined,
      published: '2026-11-30T08:00:00Z',
      expires: opts.expires,
      privateKey: this.privateKey,
      keepDeltas: opts.keepSnapshotOnly ? 0 : 1,
      force: true,
    });
    // Earlier files stay served, as on a host where old files are never deleted.
    for (const [path, bytes] of release.files) this.put(path, bytes);
    this.last = { manifest: release.manifest, manifestBytes: release.files.get('pack.json')! };
    this.snapshots.push(release.snapshot);
    return { version: release.version, manifest: release.manifest, snapshot: release.snapshot };
  }

  put(path: string, body: Served['body'], extra: Partial<Served> = {}) {
    this.files.set(new URL(path, this.base).href, { body, etag: `"${path}-${Math.random().toString(36).slice(2)}"`, ...extra });
  }

  bytes(path: string): Uint8Array {
    const f = this.files.get(new URL(path, this.base).href);
    if (!f || typeof f.body === 'function') throw new Error(`no bytes for ${path}`);
    return f.body;
  }

  requested(path: string): number {
    const url = new URL(path, this.base).href;
    return this.requests.filter((r) => r.url === url).length;
  }

  readonly fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    this.requests.push({ url: input, headers, cache: init?.cache });
    if (this.offline) throw new TypeError('Failed to fetch');
    const file = this.files.get(input);
    if (!file) return new Response('not found', { status: 404, statusText: 'Not Found' });
    if (file.etag && headers['if-none-match'] === file.etag) return new Response(null, { status: 304, headers: { etag: file.etag } });
    const body = typeof file.body === 'function' ? file.body() : file.body;
    return new Response(body as BodyInit, { status: file.status ?? 200, headers: file.etag ? { etag: file.etag } : {} });
  };
}

export function entity(id: string, extra: Partial<Entity> = {}): Entity {
  return { id, kind: 'person', name: { en: id.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') }, ...extra };
}

export function brief(id: string, about: string[], extra: Partial<Brief> = {}): Brief {
  return { id, title: `Brief ${id}`, url: `https://example.org/briefs/${id}`, lang: 'en', published: '2026-11-01', about, ...extra };
}
