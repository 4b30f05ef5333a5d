import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as HandlebarsApi from 'handlebars';
import { UsageError } from '../model/errors.js';
import { nearest } from '../util/suggest.js';
import { Handlebars } from '../vendor/render-deps.js';
import { HELPERS } from './helpers.js';

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
function readTemplate(file: string, markdown: boolean): string {
  const source = readFileSync(file, 'utf8');
  const raw = /\{\{\{|\{\{~?\s*&/.exec(source);
  if (raw !== null) {
    const line = source.slice(0, raw.index).split('\n').length;
    throw new UsageError(
      markdown
        ? `${file}:${line}: Markdown templates may not use \`{{{…}}}\` or \`{{&…}}\`: use \`{{…}}\` (values arrive escaped as Markdown text)`
        : `${file}:${line}: templates may not print raw HTML with \`{{{…}}}\` or \`{{&…}}\`: use \`{{…}}\`, which escapes document text`,
    );
  }
  return source;
}

/** Where a set of templates comes from and how it is compiled. */
interface TemplateSet {
  /** The built-in pages (`*.hbs`) and, in `partials/`, partials. */
  builtinDir: string;
  /** The helpers the templates may call. */
  helpers: Readonly<Record<string, HandlebarsApi.HelperDelegate>>;
  /** `true` for Markdown: values arrive already escaped as Markdown text, so Handlebars' HTML escaping is off. */
  noEscape: boolean;
  /** The pages it renders. */
  pages: readonly PageName[];
}

function compileSet(set: TemplateSet, userDir: string | undefined): Templates {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(set.helpers)) hb.registerHelper(name, helper);
  const pages = hbsFiles(set.builtinDir);
  const partials = hbsFiles(join(set.builtinDir, 'partials'));
  if (userDir !== undefined && existsSync(userDir) && statSync(userDir).isDirectory()) {
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
  const options = {
    ...COMPILE_OPTIONS,
    knownHelpers: Object.fromEntries(Object.keys(set.helpers).map((name) => [name, true])),
    noEscape: set.noEscape,
  };
  const compile = (file: string): HandlebarsApi.TemplateDelegate => {
    const source = readTemplate(file, set.noEscape);
    try {
      hb.parse(source);
    } catch (error) {
      throw new UsageError(`${file}: the template is not valid Handlebars: ${(error as Error).message.split('\n')[0] ?? ''}`);
    }
    return hb.compile(source, options);
  };
  for (const [name, file] of partials) hb.registerPartial(name, compile(file));
  const compiled = {} as Templates;
  for (const page of set.pages) {
    const file = pages.get(page);
    if (file === undefined) throw new UsageError(`The template ${page}.hbs is missing from ${set.builtinDir}`);
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

function checkUserDir(userDir: string | undefined): void {
  if (userDir !== undefined && (!existsSync(userDir) || !statSync(userDir).isDirectory())) throw new UsageError(`--templates ${userDir} is not a folder: give the folder that holds your .hbs files`);
}

/**
 * Loads and compiles the HTML templates: the built-in ones, each overridden by a file of the same
 * name in `userDir` (pages at its top level, partials in `partials/` or at the top level).
 * Handlebars runs in its own environment (`Handlebars.create()`), in strict mode, with only
 * protokit's helpers and without prototype access.
 */
export function loadTemplates(userDir?: string): Templates {
  checkUserDir(userDir);
  return compileSet({ builtinDir: TEMPLATES_DIR, helpers: HELPERS as unknown as TemplateSet['helpers'], noEscape: false, pages: PAGE_NAMES }, userDir);
}

/** The built-in Markdown templates: `templates/markdown/handbook.hbs` and its `partials/`. */
export const MARKDOWN_TEMPLATES_DIR = join(TEMPLATES_DIR, 'markdown');

/**
 * Loads and compiles the Markdown templates (`templates/markdown/`, overridden by files in
 * `userDir/markdown/` the same way as the HTML ones). They get the Markdown helpers, and a view
 * whose every text is already escaped as Markdown (src/render/to-markdown.ts), so Handlebars does
 * not escape again. Their page is `handbook` (the index page is HTML only).
 */
export function loadMarkdownTemplates(helpers: Readonly<Record<string, HandlebarsApi.HelperDelegate>>, userDir?: string): Pick<Templates, 'handbook'> {
  checkUserDir(userDir);
  return compileSet({ builtinDir: MARKDOWN_TEMPLATES_DIR, helpers, noEscape: true, pages: ['handbook'] }, userDir === undefined ? undefined : join(userDir, 'markdown'));
}

/** Marks text that protokit has made safe HTML (sanitised bodies, diagrams), so `{{…}}` prints it as is. */
export function safeHtml(html: string): HandlebarsApi.SafeString {
  return new Handlebars.SafeString(html);
}
