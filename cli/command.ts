/** The shape every command file exports, so main.ts can parse, dispatch and print help alike. */
import type { ParseArgsConfig } from 'node:util';
import type { Log } from './log';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  /** Progress and warnings (stderr). */
  log: Log;
  /** Results (stdout). */
  print: (line: string) => void;
}

export interface Command {
  name: string;
  /** One line for the overview. */
  summary: string;
  /** `gloss-pack build SRC --out DIR [--key FILE]` and what each part means. */
  usage: string;
  options: OptionSpecs;
  /** How many positional arguments it takes. */
  args: { min: number; max: number };
  /** Resolves to the exit code. */
  run(ctx: CommandContext): Promise<number>;
}

/** A string option's value (parseArgs types them loosely). */
export function stringOption(values: CommandContext['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
