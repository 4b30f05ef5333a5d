import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ignoreBaseOf, lint, resolveConfig, severities } from '../lint.js';
import { cacheFile } from '../load/cache.js';
import { loadSetParallel } from '../load/parallel.js';
import { UsageError } from '../model/errors.js';
import { asList } from '../util/data.js';
import { stylish } from '../report/stylish.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';
import { parseJobs, useColor } from './lint-command.js';

// The same lists as src/render (tests keep them equal): the CLI checks flags without loading it.
const FORMATS = ['md', 'html', 'pdf'] as const;
const LANGS = ['en', 'es', 'fr'] as const;

/** Flags of `protokit render`. */
export interface RenderFlags {
  out?: string;
  profession: string[];
  format: string;
  lang?: string;
  templates?: string;
  force?: boolean;
  chromium?: string;
  config?: string;
  color?: boolean;
  verbose?: boolean;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Registers `protokit render` on the program; its action stores the exit code in `state`. */
export function addRenderCommand(cli: Command, io: CliIo, state: { code: number; verbose: boolean }): void {
  cli
    .command('render')
    .description('write one handbook per profession: Markdown, self-contained HTML, PDF')
    .argument('[paths...]', 'protocol set folders or Markdown files', [])
    .option('-o, --out <dir>', 'the folder to write the handbooks to (required)')
    .option('--profession <id>', 'only this profession (repeatable; default: every profession)', collect, [])
    .option('--format <list>', 'comma-separated: md, html, pdf', 'md,html')
    .option('--lang <code>', "language of the labels: en, es or fr (default: the framework's first language)")
    .option('--templates <dir>', 'a folder of Handlebars files that override built-in templates and partials by name (the Markdown ones in its markdown/ folder)')
    .option('--force', 'render even when `check` would find errors (it is then not run)')
    .option('--chromium <path>', 'the Chromium used for PDF (also: PROTOKIT_CHROMIUM; default: found on PATH)')
    .option('-c, --config <file>', 'use this config file instead of the nearest protokit.config.yaml')
    .option('--no-color', 'never colour the output (also: NO_COLOR)')
    .option('--verbose', 'say how the set was read; show stack traces of internal errors')
    .option('--jobs <n>', 'threads that parse the documents and write the Markdown handbooks (default: one per core; 1: no worker threads)')
    .option('--cache', 'keep what parsing found per file (with the trees handbooks show), and parse only changed files next time')
    .option('--cache-location <path>', 'the cache file, or a folder to keep it in (default: .protokitrendercache)')
    .action(async (paths: string[], flags: RenderFlags) => {
      state.verbose = flags.verbose === true;
      state.code = await runRender(paths, flags, io);
    });
}

/** Parses `--format md,html`: known names, without repeats. */
export function parseFormats(value: string): (typeof FORMATS)[number][] {
  const out: (typeof FORMATS)[number][] = [];
  for (const part of value.split(',').map((p) => p.trim().toLowerCase()).filter((p) => p !== '')) {
    if (!(FORMATS as readonly string[]).includes(part)) throw new UsageError(`Unknown --format \`${part}\`: use md, html or pdf, separated by commas (e.g. --format md,html,pdf)`);
    if (!out.includes(part as (typeof FORMATS)[number])) out.push(part as (typeof FORMATS)[number]);
  }
  if (out.length === 0) throw new UsageError('--format is empty: give md, html or pdf, separated by commas');
  return out;
}

/**
 * Runs `protokit render`: loads the set once (with the trees handbooks show), runs `check` on it, refuses to render
 * when it finds errors (unless --force) and lists them, then renders. Returns the exit code.
 */
export async function runRender(paths: readonly string[], flags: RenderFlags, io: CliIo): Promise<number> {
  if (flags.out === undefined || flags.out.trim() === '') throw new UsageError('Say where to write the handbooks: --out DIR');
  const formats = parseFormats(flags.format);
  const jobs = parseJobs(flags.jobs);
  const cwd = io.cwd;
  const setPaths = paths.length === 0 ? ['.'] : paths;
  const config = resolveConfig(setPaths, cwd, flags.config);
  const lang = flags.lang ?? (typeof config.render['lang'] === 'string' ? config.render['lang'] : undefined);
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) throw new UsageError(`Unknown --lang \`${lang}\`: use en, es or fr`);
  const professions = flags.profession.length > 0 ? flags.profession : asList(config.render['professions']).filter((p): p is string => typeof p === 'string');
  const configTemplates = typeof config.render['templates'] === 'string' && config.file !== undefined ? resolve(dirname(config.file), config.render['templates']) : undefined;
  const templatesDir = flags.templates !== undefined ? resolve(cwd, flags.templates) : configTemplates;

  // handbooks code (Handlebars, rehype, Graphviz, playwright) loads only here, never for check
  const render = await import('../render/index.js');
  const chromium = formats.includes('pdf') ? render.findChromium(flags.chromium ?? io.env['PROTOKIT_CHROMIUM'], io.env['PATH'], cwd) : undefined;

  // parsed once per file, in worker threads, with GFM: the facts `check` reads and the trees handbooks show
  const cache = flags.cache === true ? cacheFile(flags.cacheLocation, cwd, 'render') : undefined;
  const files = await loadSetParallel({
    paths: setPaths.map((p) => resolve(cwd, p)),
    base: cwd,
    ignore: config.ignore,
    ...ignoreBaseOf(config),
    limits: config.limits,
    keepTree: true,
    // with --force no rule reads the set: of bodies other than agencies', only their audience containers
    noRules: flags.force === true,
    jobs,
    ...(cache !== undefined ? { cache } : {}),
    ...(flags.verbose === true ? { onInfo: (message: string) => io.stderr.write(`protokit: ${message}\n`) } : {}),
    onWarning: (message: string) => io.stderr.write(`protokit: warning: ${message}\n`),
  });
  if (flags.force === true) {
    // nothing of `check` is shown or used: only the config's rule ids are still checked
    severities(config);
  } else {
    const checked = await lint({ paths: setPaths, mode: 'check', cwd, ...(flags.config !== undefined ? { configFile: flags.config } : {}), load: () => files });
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      io.stderr.write(stylish(errors, { color: useColor({ ...io, stdout: io.stderr }, flags, false), rules: checked.rules, version: VERSION, cwd, files: [] }));
      io.stderr.write(`protokit: not rendering: \`check\` finds ${errors.length} error${errors.length === 1 ? '' : 's'} in the set (listed above); fix ${errors.length === 1 ? 'it' : 'them'}, or add --force to render anyway\n`);
      return 1;
    }
  }
  const progress = io.stderr.isTTY === true ? (message: string) => io.stderr.write(`${message}\n`) : undefined;
  await render.renderHandbooks({
    files,
    out: resolve(cwd, flags.out),
    professions,
    formats,
    ...(lang !== undefined ? { lang: lang as (typeof LANGS)[number] } : {}),
    ...(templatesDir !== undefined ? { templatesDir } : {}),
    ...(chromium !== undefined ? { chromium } : {}),
    ...(progress !== undefined ? { onProgress: progress } : {}),
    jobs,
    ...(flags.verbose === true ? { onInfo: (message: string) => io.stderr.write(`protokit: ${message}\n`) } : {}),
  });
  return 0;
}

/** The lists the CLI checks flags against (a test keeps them equal to src/render's). */
export const RENDER_FLAG_VALUES = { FORMATS, LANGS } as const;
