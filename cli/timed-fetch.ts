/**
 * A deadline over a whole request and its body, for the CLI's own requests beside the
 * sync's (which has its own idle and total limits): a host that stalls ends the command
 * with a clear message instead of hanging it.
 */
import { globalTimers, type Fetch, type Timers } from '../lib/sync/fetch-file';
import { CliError } from './errors';

/** The CLI's timers do not keep the process alive once the work is done. */
export const cliTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = globalThis.setTimeout(fn, ms);
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: globalTimers.clearTimeout,
};

export function timedFetch(fetch: Fetch, ms: number, timers: Timers = cliTimers): Fetch {
  return async (url, init = {}) => {
    const controller = new AbortController();
    let fail!: (err: Error) => void;
    const expired = new Promise<never>((_, reject) => (fail = reject));
    expired.catch(() => {});
    const handle = timers.setTimeout(() => {
      const err = new CliError(`${url}: no complete answer within ${Math.round(ms / 1000)} s; is the host down or stalling?`);
      fail(err);
      controller.abort(err);
    }, ms);
    let response: Response;
    try {
      response = await Promise.race([fetch(url, { ...init, signal: controller.signal }), expired]);
    } catch (err) {
      timers.clearTimeout(handle);
      throw err;
    }
    const reader = response.body?.getReader();
    if (!reader) {
      timers.clearTimeout(handle);
      return response;
    }
    // The body streams through under the same deadline.
    const body = new ReadableStream<Uint8Array>({
      async pull(out) {
        try {
          const { done, value } = await Promise.race([reader.read(), expired]);
          if (done) {
            timers.clearTimeout(handle);
            out.close();
          } else out.enqueue(value);
        } catch (err) {
          timers.clearTimeout(handle);
          void reader.cancel().catch(() => {});
          throw err;
        }
      },
      cancel(reason) {
        timers.clearTimeout(handle);
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
