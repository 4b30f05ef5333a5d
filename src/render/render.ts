import { protocolDocuments } from '../check/run-rules.js';
import { SetIndex } from '../check/set-index.js';
import { insideFolder, writeFileAtomic } from '../io/atomic-write.js';
import type { ParsedFileWithTree } from '../load/parse-file.js';
import { UsageError } from '../model/errors.js';
import { asList, asRecord, own, str } from '../util/data.js';
import { didYouMean } from '../util/suggest.js';
import { HandbookBuilder } from './build-handbook.js';
import type { HandbookModel } from './handbook-model.js';
import { isLang, LANGS, translatorFor, type Lang } from './i18n.js';
import type { PdfPrinter } from './pdf.js';
import { RenderIndex } from './render-index.js';
import type { HtmlRenderer, IndexView } from './to-html.js';
import { MIN_FILES_FOR_WORKERS } from '../load/parallel.js';
import { markdownWorkerAvailable, MarkdownPool } from './md-pool.js';
import { createMarkdownRenderer, markdownJob, type MarkdownRenderer } from './to-markdown.js';
import { slugOf } from './words.js';

/** The output formats of `protokit render`. */
export const FORMATS = ['md', 'html', 'pdf'] as const;

/** One output format. */
export type Format = (typeof FORMATS)[number];

/** What to render, from what, and where. */
export interface RenderOptions {
  /** The loaded set, with trees (`loadSet({ keepTree: true })`). */
  files: readonly ParsedFileWithTree[];
  /** The output folder; nothing is written outside it. */
  out: string;
  /** Profession ids; default every profession of the framework. */
  professions?: readonly string[];
  formats: readonly Format[];
  /** Label language; default the framework's first language that protokit supports. */
  lang?: Lang;
  /** A folder of Handlebars files overriding built-in templates and partials by name. */
  templatesDir?: string;
  /** The Chromium executable, needed for `pdf`. */
  chromium?: string;
  /** Called once per handbook written (the CLI shows it on a TTY). */
  onProgress?: (message: string) => void;
  /** Threads that write (this one and `jobs - 1` workers for Markdown); default 1. */
  jobs?: number;
  /** Called with what `--verbose` may show. */
  onInfo?: (message: string) => void;
}

/** What a run wrote, relative to the output folder. */
export interface RenderResult {
  lang: Lang;
  handbooks: { profession: string; files: string[] }[];
  files: string[];
}

/** The framework's first language that has labels, else English. */
export function defaultLang(framework: Record<string, unknown> | undefined): Lang {
  return asList(own(framework, 'languages')).find(isLang) ?? 'en';
}

/** File names (without extension) for profession ids: safe slugs, made unique in order. */
export function fileNames(ids: readonly string[]): Map<string, string> {
  const used = new Set<string>(['index']);
  const out = new Map<string, string>();
  for (const id of ids) {
    const base = slugOf(id) || 'profession';
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    out.set(id, name);
  }
  return out;
}

/**
 * Renders one handbook per profession (FORMAT.md §5) into `out`: Markdown, self-contained HTML
 * and PDF, plus an `index.html` when HTML is written. The set's index and the per-profession
 * lookups are built once and shared by every handbook. Files are written atomically, and only
 * inside `out`; nothing is ever deleted there.
 */
export async function renderHandbooks(options: RenderOptions): Promise<RenderResult> {
  const rindex = new RenderIndex(new SetIndex(protocolDocuments(options.files)), options.files);
  const known = rindex.professions.map((p) => p.id);
  if (known.length === 0) throw new UsageError('The framework lists no professions, so there is no handbook to write: add `professions:` to the framework');
  const wanted = options.professions === undefined || options.professions.length === 0 ? known : [...new Set(options.professions)];
  for (const id of wanted) {
    if (!rindex.professionById.has(id)) throw new UsageError(`Unknown profession \`${id}\`${didYouMean(id, known) || `: the framework lists ${known.map((k) => `\`${k}\``).join(', ')}`}`);
  }
  const lang = options.lang ?? defaultLang(rindex.framework?.data);
  if (!isLang(lang)) throw new UsageError(`Unknown language \`${String(lang)}\`: use one of ${LANGS.join(', ')}`);
  const formats = new Set(options.formats);
  const builder = new HandbookBuilder(rindex, translatorFor(lang));
  const names = fileNames(wanted);

  const templateOptions = options.templatesDir === undefined ? {} : { templatesDir: options.templatesDir };
  const markdown: MarkdownRenderer | undefined = formats.has('md') ? createMarkdownRenderer(templateOptions) : undefined;
  let html: HtmlRenderer | undefined;
  if (formats.has('html') || formats.has('pdf')) {
    const { createHtmlRenderer } = await import('./to-html.js');
    html = await createHtmlRenderer(options.templatesDir === undefined ? {} : { templatesDir: options.templatesDir });
  }
  let printer: PdfPrinter | undefined;
  if (formats.has('pdf')) {
    if (options.chromium === undefined) throw new UsageError('--format pdf needs a Chromium: give its path with --chromium PATH or PROTOKIT_CHROMIUM');
    const { openPdfPrinter } = await import('./pdf.js');
    printer = await openPdfPrinter(options.chromium);
  }

  const result: RenderResult = { lang, handbooks: [], files: [] };
  const write = (name: string, content: string | Uint8Array): void => {
    writeFileAtomic(insideFolder(options.out, name), content);
    result.files.push(name);
  };
  const entries: IndexView['handbooks'] = [];
  // Markdown is written by worker threads too when the set is big enough to pay for starting them
  // (this thread and `jobs - 1` workers: this one builds the handbooks and writes their HTML, and
  // writes Markdown too when the workers have enough queued)
  const jobs = options.jobs ?? 1;
  const poolSize = jobs > 1 && markdown !== undefined && wanted.length > 1 && options.files.length >= MIN_FILES_FOR_WORKERS && markdownWorkerAvailable() ? Math.min(jobs - 1, wanted.length - 1) : 0;
  const pool = poolSize > 0 ? new MarkdownPool(poolSize, templateOptions) : undefined;
  if (pool !== undefined) options.onInfo?.(`writing Markdown handbooks in ${poolSize + 1} threads (this one and ${poolSize} worker${poolSize === 1 ? '' : 's'})`);
  const pending: Promise<void>[] = [];
  try {
    // With a worker and HTML, every handbook is built first (this thread's share is then the HTML
    // alone), while the workers lay out the run's diagrams, in the order the handbooks need them,
    // before they write the Markdown of the first handbooks; a diagram not back when its
    // handbook's HTML is written is laid out here (the SVG is the same either way).
    const models = new Map<string, HandbookModel>();
    const sent = new Set<string>();
    const send = (id: string, model: HandbookModel): boolean => {
      const worker = pool?.available();
      if (pool === undefined || worker === undefined || markdown === undefined) return false;
      const writing = pool.write(worker, options.out, `${names.get(id) ?? 'profession'}.md`, markdownJob(model, builder.t));
      // a failure is reported once, at the end (the others still settle)
      writing.catch(() => undefined);
      pending.push(writing);
      sent.add(id);
      return true;
    };
    if (pool !== undefined && html !== undefined) {
      const receiver = html;
      const diagrams = builder.diagramsFor(wanted);
      if (diagrams.length > 0) pool.layout(diagrams.map((d) => ({ dot: d.dot, label: d.title })), (dot, label, svg) => receiver.laidOut(dot, label, svg));
      for (const id of wanted) {
        const model = builder.build(id);
        models.set(id, model);
        send(id, model);
      }
      // takes in what the workers sent meanwhile
      await new Promise((resolveYield) => setImmediate(resolveYield));
    }
    let done = 0;
    for (const id of wanted) {
      const model = models.get(id) ?? builder.build(id);
      models.delete(id);
      const base = names.get(id) ?? 'profession';
      const written: string[] = [];
      const entry = { id, title: model.profession.title, html: '', md: '', pdf: '' };
      if (markdown !== undefined) {
        if (sent.has(id) || send(id, model)) result.files.push(`${base}.md`);
        else write(`${base}.md`, markdown.handbook(markdownJob(model, builder.t)));
        written.push((entry.md = `${base}.md`));
      }
      if (html !== undefined) {
        const page = html.handbook(model);
        if (formats.has('html')) {
          write(`${base}.html`, page);
          written.push((entry.html = `${base}.html`));
        }
        if (printer !== undefined) {
          write(`${base}.pdf`, await printer.print(page));
          written.push((entry.pdf = `${base}.pdf`));
        }
      }
      entries.push(entry);
      result.handbooks.push({ profession: id, files: written });
      done++;
      options.onProgress?.(`[${done}/${wanted.length}] ${id}: ${written.join(', ')}`);
      // lets the workers' replies in (idle workers get the next handbooks; diagrams laid out)
      if (pool !== undefined) await new Promise((resolveYield) => setImmediate(resolveYield));
    }
    await Promise.all(pending);
  } finally {
    await printer?.close();
    await pool?.close();
  }
  if (html !== undefined && formats.has('html')) {
    const data = rindex.framework?.data;
    const clean = (text: string | undefined): string => rindex.redactor.redact(text ?? '', '');
    write('index.html', html.index({ lang, framework: clean(str(data, 'title')), jurisdiction: clean(str(asRecord(own(data, 'jurisdiction')), 'name')), handbooks: entries }));
  }
  return result;
}
