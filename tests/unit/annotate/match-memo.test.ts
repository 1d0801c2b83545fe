import { describe, expect, it } from 'vitest';
import { MatchMemo, Unlocked, type BlockAnswer } from '@/lib/annotate/match-memo';

const answer = (key: string): BlockAnswer => ({ hits: [{ start: 0, end: 5, key, kind: 'state', full: true }], held: [] });

describe('block text → matches memo', () => {
  it('gives back the answer for the same text, language and unlocked names', () => {
    const memo = new MatchMemo();
    memo.set('en', new Unlocked(['x', 'y']), 'Japan said', answer('japan'));
    // The same set in another order is the same read.
    expect(memo.get('en', new Unlocked(['y', 'x']), 'Japan said')).toEqual(answer('japan'));
  });

  it('misses on other text, another language or other unlocked names', () => {
    const memo = new MatchMemo();
    memo.set('en', new Unlocked(['x']), 'Japan said', answer('japan'));
    expect(memo.get('en', new Unlocked(['x']), 'Japan says')).toBeUndefined();
    expect(memo.get('tr', new Unlocked(['x']), 'Japan said')).toBeUndefined();
    expect(memo.get('en', new Unlocked([]), 'Japan said')).toBeUndefined();
    expect(memo.get('en', new Unlocked(['x', 'z']), 'Japan said')).toBeUndefined();
  });

  it('keeps within its size, forgetting the oldest text first', () => {
    const memo = new MatchMemo(100);
    const none = new Unlocked();
    for (let i = 0; i < 10; i++) memo.set('en', none, `paragraph number ${i} of the story`, answer(`k${i}`));
    expect(memo.size).toBeLessThan(10);
    expect(memo.get('en', none, 'paragraph number 9 of the story')).toEqual(answer('k9'));
    expect(memo.get('en', none, 'paragraph number 0 of the story')).toBeUndefined();
  });

  it('forgets everything when cleared (the knowledge base changed)', () => {
    const memo = new MatchMemo();
    memo.set('en', new Unlocked(), 'Japan', answer('japan'));
    memo.clear();
    expect(memo.get('en', new Unlocked(), 'Japan')).toBeUndefined();
  });

  it('fingerprints a growing set the same as one built at once', () => {
    const grown = new Unlocked();
    ['a', 'b', 'c', 'b'].forEach((k) => grown.add(k));
    expect(grown.fingerprint()).toBe(new Unlocked(['c', 'b', 'a']).fingerprint());
    expect(grown.fingerprint()).not.toBe(new Unlocked(['a', 'b']).fingerprint());
  });
});
