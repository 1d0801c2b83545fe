/** Where progress and warnings go: stderr, so stdout stays clean for what a command prints. */
export type Log = (line: string) => void;

export const stderrLog: Log = (line) => {
  process.stderr.write(`${line}\n`);
};

export const silent: Log = () => {};

export { formatBytes } from '../lib/pack/read-json';

/** `0.42 s`, `1.3 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "1 entity", "3 briefs". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
