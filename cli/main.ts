/**
 * `gloss-pack`: the publishers' tool. Parses the command line, runs one
 * command, and turns every failure into a message and a non-zero exit code.
 */
import { parseArgs } from 'node:util';
import { buildCommand } from './commands/build';
import { importWikidataCommand } from './commands/import-wikidata';
import { importWordpressCommand } from './commands/import-wordpress';
import { initCommand } from './commands/init';
import { keygenCommand } from './commands/keygen';
import { lintCommand } from './commands/lint';
import { serveCommand } from './commands/serve';
import { verifyCommand } from './commands/verify';
import type { Command } from './command';
import { CliError, messageOf } from './errors';
import { stderrLog, type Log } from './log';
import { GLOSS_VERSION } from './version';
import { PACK_FORMAT } from '../lib/pack/types';

export const COMMANDS: readonly Command[] = [
  initCommand,
  buildCommand,
  lintCommand,
  keygenCommand,
  verifyCommand,
  serveCommand,
  importWordpressCommand,
  importWikidataCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'gloss-pack: make, sign, check and serve Gloss knowledge packs',
    '',
    'Usage: gloss-pack <command> [options]   (gloss-pack <command> --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export interface MainIo {
  log?: Log;
  print?: (line: string) => void;
}

/** Runs one command line (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: MainIo = {}): Promise<number> {
  const log = io.log ?? stderrLog;
  const print = io.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    print(overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    print(`gloss-pack ${GLOSS_VERSION} (format ${PACK_FORMAT})`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new CliError(`unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`, 2);
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (err) {
      throw new CliError(`${name}: ${messageOf(err)}\n\n${command.usage}`, 2);
    }
    if (parsed.values.help) {
      print(command.usage);
      return 0;
    }
    const { min, max } = command.args;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new CliError(`${name}: wrong number of arguments\n\n${command.usage}`, 2);
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values, log, print });
  } catch (err) {
    if (err instanceof CliError) {
      for (const problem of err.problems) log(`error: ${problem}`);
      return err.exitCode;
    }
    // Not a mistake in the pack or the command line: show everything there is.
    log(`error: ${messageOf(err)}`);
    if (err instanceof Error && err.stack) log(err.stack);
    return 1;
  }
}
