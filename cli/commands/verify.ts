/** `gloss-pack verify URL|DIR [--key PUBLIC-KEY]`: would readers' Gloss accept this pack? */
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_TIMEOUTS, type Fetch, type Timeouts, type Timers } from '../../lib/sync/fetch-file';
import { stringOption, type Command } from '../command';
import { checkHeaders } from '../cors-check';
import { DIR_BASE, dirFetch } from '../dir-fetch';
import { CliError } from '../errors';
import { readPublicKey } from '../key-file';
import { checkPack, type CheckResult } from '../pack-check';
import { isPlainHttp } from '../../lib/sync/subscription-url';
import { cliTimers, timedFetch } from '../timed-fetch';

export interface VerifyOptions {
  /** base64 public key; with it, the pack must be signed by its private half. */
  publicKey?: string;
  now?: () => number;
  /** For URLs; the global fetch by default. */
  fetch?: Fetch;
  /** Limits of each request to a host, and the clock they run on. */
  timeouts?: Timeouts;
  timers?: Timers;
}

export interface VerifyResult extends CheckResult {
  /** Server settings that would trouble readers without making the pack invalid. */
  warnings: string[];
}

function isWebAddress(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/** The manifest's URL and how to fetch it, for a web address, a folder, or a pack.json path. */
async function locate(target: string, fetch: Fetch): Promise<{ manifestUrl: string; fetch: Fetch; remote: boolean }> {
  if (isWebAddress(target)) {
    return { manifestUrl: target.endsWith('/') ? `${target}pack.json` : target, fetch, remote: true };
  }
  const info = await stat(target).catch(() => null);
  if (!info) throw new CliError(`${target}: no such folder or file (give a folder built by gloss-pack build, or a URL)`);
  const dir = info.isDirectory() ? target : dirname(target);
  const name = info.isDirectory() ? 'pack.json' : basename(target);
  if (info.isDirectory() && !(await stat(join(dir, name)).catch(() => null))) {
    throw new CliError(`${join(dir, name)}: not found; is ${target} a folder written by gloss-pack build?`);
  }
  return { manifestUrl: new URL(encodeURIComponent(name), DIR_BASE).href, fetch: dirFetch(dir), remote: false };
}

export async function verifyPack(target: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const timeouts = opts.timeouts ?? DEFAULT_TIMEOUTS;
  const timers = opts.timers ?? cliTimers;
  // Every request to a host ends by the total limit, its body included: verify never hangs.
  const where = await locate(target, timedFetch(opts.fetch ?? globalThis.fetch, timeouts.totalMs, timers));
  const result = await checkPack(where.manifestUrl, where.fetch, {
    ...(opts.publicKey ? { publicKey: opts.publicKey } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    timeouts,
    timers,
  });
  const unreachable = ['network', 'timeout'].includes(result.row?.lastError?.code ?? '');
  const warnings = where.remote && !unreachable ? await checkHeaders(where.fetch, where.manifestUrl) : [];
  if (where.remote && isPlainHttp(where.manifestUrl)) {
    warnings.unshift('pack.json: is served over plain http://; readers can only subscribe with your public key pinned. Serve it over https://');
  }
  return { ...result, warnings };
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: "check a built or published pack exactly as readers' Gloss would",
  usage: `gloss-pack verify URL|DIR [--key PUBLIC-KEY]

  URL|DIR      the pack's pack.json address, or the folder gloss-pack build wrote
  --key KEY    the public key readers pin (base64, or a file such as gloss-pack.key.pub):
               the pack must then carry a valid pack.json.sig

Runs Gloss's own update code: the manifest, the snapshot and every delta (from
the older snapshots kept beside it). Exits 1 when readers would refuse the pack.`,
  options: { key: { type: 'string', short: 'k' } },
  args: { min: 1, max: 1 },
  async run({ positionals, values, log, print }) {
    const target = positionals[0] ?? '';
    const keyArg = stringOption(values, 'key');
    const publicKey = keyArg ? await readPublicKey(keyArg) : undefined;
    log(`checking ${target}`);
    const result = await verifyPack(target, publicKey ? { publicKey } : {});
    for (const note of result.notes) print(`  ${note}`);
    for (const warning of result.warnings) log(`warning: ${warning}`);
    if (!result.ok) {
      // A server that cannot be reached is not a refusal of the pack.
      const code = result.row?.lastError?.code;
      const word = code === 'network' || code === 'http' || code === 'timeout' ? 'failed' : 'refused';
      for (const problem of result.problems) print(`${word}: ${problem}`);
      return 1;
    }
    print(`ok: readers' Gloss accepts ${target}`);
    return 0;
  },
};
