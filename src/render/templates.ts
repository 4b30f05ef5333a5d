import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as HandlebarsApi from 'handlebars';
import { UsageError } from '../model/errors.js';
import { nearest } from '../util/suggest.js';
import { HELPER_NAMES, HELPERS } from './helpers.js';

// handlebars is CommonJS with `export =`: load it through require to get the whole API
const Handlebars = createRequire(import.meta.url)('handlebars') as typeof HandlebarsApi;

/** The built-in templates: `templates/*.hbs` and `templates/partials/*.hbs` at the package root. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The page templates a run renders. */
export const PAGE_NAMES = ['handbook', 'index'] as const;

/** A page template. */
export type PageName = (typeof PAGE_NAMES)[number];

/** Compiled templates: one function per page. */
export type Templates = Record<PageName, (context: unknown) => string>;

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((name) => [name, true])),
  preventIndent: true,
} as const;

const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
} as const;

function hbsFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.hbs')) continue;
    const file = join(dir, name);
    if (statSync(file).isFile()) out.set(basename(name, '.hbs'), file);
  }
  return out;
}

/**
 * Reads a template, refusing raw output: `{{{…}}}` and `{{&…}}` would print document text
 * unescaped. Values that are already safe HTML (sanitised bodies, diagrams) arrive as
 * SafeStrings, so `{{…}}` is always enough.
 */
function readTemplate(file: string): string {
  const source = readFileSync(file, 'utf8');
  const raw = /\{\{\{|\{\{~?\s*&/.exec(source);
  if (raw !== null) {
    const line = source.slice(0, raw.index).split('\n').length;
    throw new UsageError(`${file}:${line}: templates may not print raw HTML with \`{{{…}}}\` or \`{{&…}}\`: use \`{{…}}\`, which escapes document text`);
  }
  return source;
}

/**
 * Loads and compiles the templates: the built-in ones, each overridden by a file of the same name
 * in `userDir` (pages at its top level, partials in `partials/` or at the top level). Handlebars
 * runs in its own environment (`Handlebars.create()`), in strict mode, with only protokit's
 * helpers and without prototype access.
 */
export function loadTemplates(userDir?: string): Templates {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPERS)) hb.registerHelper(name, helper as HandlebarsApi.HelperDelegate);
  const pages = hbsFiles(TEMPLATES_DIR);
  const partials = hbsFiles(join(TEMPLATES_DIR, 'partials'));
  if (userDir !== undefined) {
    if (!existsSync(userDir) || !statSync(userDir).isDirectory()) throw new UsageError(`--templates ${userDir} is not a folder: give the folder that holds your .hbs files`);
    for (const [name, file] of hbsFiles(userDir)) {
      if (pages.has(name)) pages.set(name, file);
      else if (partials.has(name)) partials.set(name, file);
      else {
        const hint = nearest(name, [...pages.keys(), ...partials.keys()]);
        throw new UsageError(`${file} overrides no built-in template${hint === undefined ? '' : `: did you mean \`${hint}.hbs\`?`} (pages: ${[...pages.keys()].join(', ')}; partials: ${[...partials.keys()].join(', ')}; new partials go in partials/)`);
      }
    }
    for (const [name, file] of hbsFiles(join(userDir, 'partials'))) partials.set(name, file);
  }
  const compile = (file: string): HandlebarsApi.TemplateDelegate => {
    const source = readTemplate(file);
    try {
      hb.parse(source);
    } catch (error) {
      throw new UsageError(`${file}: the template is not valid Handlebars: ${(error as Error).message.split('\n')[0] ?? ''}`);
    }
    return hb.compile(source, COMPILE_OPTIONS);
  };
  for (const [name, file] of partials) hb.registerPartial(name, compile(file));
  const compiled = {} as Templates;
  for (const page of PAGE_NAMES) {
    const file = pages.get(page);
    if (file === undefined) throw new UsageError(`The template ${page}.hbs is missing from ${TEMPLATES_DIR}`);
    const template = compile(file);
    compiled[page] = (context) => {
      try {
        return template(context, RUNTIME_OPTIONS);
      } catch (error) {
        throw new UsageError(`The template ${file} failed: ${(error as Error).message.split('\n')[0] ?? ''}`, { cause: error });
      }
    };
  }
  return compiled;
}

/** Marks text that protokit has made safe HTML (sanitised bodies, diagrams), so `{{…}}` prints it as is. */
export function safeHtml(html: string): HandlebarsApi.SafeString {
  return new Handlebars.SafeString(html);
}
