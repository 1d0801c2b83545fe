/**
 * A failure to report to the publisher and exit on: every problem one full
 * sentence that names the file, the record and the field where it can.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly problems: readonly string[];

  constructor(
    problems: string | readonly string[],
    /** 1: the work failed; 2: the command line was wrong. */
    readonly exitCode = 1,
  ) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'));
    this.problems = list;
  }
}

/** A message for any thrown value, without a stack: stacks are for bugs, not for publishers. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
