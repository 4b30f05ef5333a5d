import { Command, CommanderError, Option } from '../vendor/check-deps.js';
import { isToolError, UsageError } from '../model/errors.js';
import { RULES } from '../rules/index.js';
import { VERSION } from '../version.js';
import { runCoverage, type CoverageFlags } from './coverage-command.js';
import type { CliIo } from './io.js';
import { runLint, type LintFlags } from './lint-command.js';
import { addRenderCommand } from './render-command.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function addLintOptions(command: Command): Command {
  return command
    .argument('[paths...]', 'protocol set folders or Markdown files', [])
    .addOption(new Option('-f, --format <name>', 'output format: stylish, json, sarif, github, junit, gitlab').default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--rule <id=severity>', 'set a rule to off, warning or error (repeatable)', collect, [])
    .option('-c, --config <file>', 'use this config file instead of the nearest protokit.config.yaml')
    .option('--set <dir>', 'read the whole protocol set in this folder and report findings in the given paths only (check a draft in context)')
    .option('--stdin', 'read the document from standard input (an editor\'s unsaved buffer; read to its end) instead of from files')
    .option('--stdin-filename <path>', 'the path of the document read with --stdin, for findings and the config (default: stdin.md); with --set, a file of the set it stands in for')
    .option('-q, --quiet', 'report errors only')
    .option('--no-color', 'never colour the output (also: NO_COLOR)')
    .option('--verbose', 'say what was read and skipped; show stack traces of internal errors')
    .option('--jobs <n>', 'threads that parse the documents (default: one per core; 1: no worker threads)')
    .option('--cache', 'keep what parsing found per file, and parse only changed files next time')
    .option('--cache-location <path>', 'the cache file, or a folder to keep it in (default: .protokitcache)');
}

/** Builds the commander program; every action stores its exit code in `state`. */
function program(io: CliIo, state: { code: number; verbose: boolean }): Command {
  const cli = new Command('protokit')
    .description('Lint, cross-check and render multi-agency protocols for the coordinated response to violence against women and girls')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // one line, like every other tool error: "protokit: unknown option '--quiett' (Did you mean --quiet?)"
      outputError: (s, write) => write(`protokit: ${s.replace(/^error: /, '').trim().replace(/\s*\n\s*/g, ' ')}\n`),
    })
    .showSuggestionAfterError(true);

  addLintOptions(cli.command('validate').description('check every document against the JSON Schema of its kind')).action(async (paths: string[], flags: LintFlags) => {
    state.verbose = flags.verbose === true;
    state.code = await runLint('validate', paths, flags, io);
  });
  addLintOptions(cli.command('check').description('validate, then run every cross-agency consistency rule')).action(async (paths: string[], flags: LintFlags) => {
    state.verbose = flags.verbose === true;
    state.code = await runLint('check', paths, flags, io);
  });
  cli
    .command('rules')
    .description('list every rule with its default severity and what it finds')
    .action(() => {
      const width = Math.max(...RULES.map((r) => r.id.length));
      for (const rule of RULES) io.stdout.write(`${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}\n`);
      state.code = 0;
    });
  cli
    .command('coverage')
    .description('score the set against the 22 coordination strategies, with the evidence for each')
    .argument('[paths...]', 'protocol set folders or Markdown files', [])
    .addOption(new Option('-f, --format <name>', 'output format: table, json, markdown').default('table'))
    .option('--min <met-count>', 'exit 1 when fewer strategies than this are met')
    .option('-c, --config <file>', 'use this config file instead of the nearest protokit.config.yaml')
    .action(async (paths: string[], flags: CoverageFlags) => {
      state.code = await runCoverage(paths, flags, io);
    });
  addRenderCommand(cli, io, state);
  return cli;
}

/** Runs the CLI: parses arguments, runs the command, reports tool errors in one line. Returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const state = { code: 0, verbose: argv.includes('--verbose') };
  try {
    await program(io, state).parseAsync([...argv], { from: 'user' });
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; commander already printed its message
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isToolError(error)) {
      io.stderr.write(`protokit: ${error.message}\n`);
      return 2;
    }
    const err = error as Error;
    io.stderr.write(`protokit: internal error: ${err.message ?? String(error)}. Please report it${state.verbose ? '' : ' (rerun with --verbose for details)'}\n`);
    if (state.verbose && err.stack !== undefined) io.stderr.write(`${err.stack}\n`);
    return 2;
  }
}

export { UsageError };
