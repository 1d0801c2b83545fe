import { describe, expect, it, vi } from 'vitest';
import { verifyPack } from '@/cli/commands/verify';
import { DEFAULT_TIMEOUTS } from '@/lib/sync/fetch-file';
import { ManualTimers } from '../support/manual-timers';

describe('gloss-pack verify against a host that stalls', () => {
  it('ends with a clear message instead of hanging', async () => {
    const timers = new ManualTimers();
    let asked = 0;
    // Headers arrive, the body never does.
    const fetch = async () => {
      asked++;
      return new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), { status: 200 });
    };
    const result = verifyPack('https://stalled.example.org/pack.json', { fetch, timers });
    await vi.waitFor(() => expect(asked).toBe(1), { interval: 1 });
    await timers.advance(DEFAULT_TIMEOUTS.idleMs);
    const verified = await result;
    expect(verified.ok).toBe(false);
    expect(verified.problems).toEqual(['pack.json: the server sent nothing for 30 s; the download was stopped']);
    expect(verified.row?.lastError?.code).toBe('timeout');
    // No header checks against a host that does not answer.
    expect(asked).toBe(1);
  });

  it('a host that never answers at all ends the same way', async () => {
    const timers = new ManualTimers();
    const fetch = () => new Promise<Response>(() => {});
    const result = verifyPack('https://silent.example.org/pack.json', { fetch, timers });
    await vi.waitFor(() => expect(timers.pending).toBeGreaterThan(0), { interval: 1 });
    await timers.advance(DEFAULT_TIMEOUTS.idleMs);
    expect((await result).problems).toEqual(['pack.json: the server sent nothing for 30 s; the download was stopped']);
  });
});
