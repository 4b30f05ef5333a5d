import type { HelperDelegate, HelperOptions } from 'handlebars';
import type { Root } from 'mdast';
import type { HandbookModel, ProseSection } from './handbook-model.js';
import { labelData, translator } from './helpers.js';
import { fillPlaceholders, type LabelData, type Translator } from './i18n.js';
import { createMarkdownText, type MarkdownText } from './markdown-text.js';
import { proseRoot, stringifyMarkdown } from './prose-markdown.js';
import { loadMarkdownTemplates } from './templates.js';

/** Renders handbooks to Markdown. */
export interface MarkdownRenderer {
  handbook(job: MarkdownJob): string;
}

/**
 * The helpers of the Markdown templates. The view's texts are already Markdown (escaped), so
 * these escape only the words of the labels, and fill in the values as they are.
 *
 * - `{{t "key" name=value}}`: a label of the handbook's language, placeholders filled.
 * - `{{count "key" n}}`: the plural form of a label for `n` (`{count}` is the number).
 * - `{{join list}}`: "a, b and c" in the handbook's language.
 * - `{{ref n}}`: the footnote reference to source `n` (`[^n]`; nothing for 0, no known source).
 */
export function markdownHelpers(md: MarkdownText): Record<string, HelperDelegate> {
  const label = (t: Translator, key: string, data: LabelData): string => fillPlaceholders(md.label(t.t(key)), data);
  return {
    t(key: unknown, options: HelperOptions): string {
      return label(translator(options), String(key), labelData(options));
    },
    count(key: unknown, n: unknown, options: HelperOptions): string {
      const t = translator(options);
      const count = typeof n === 'number' ? n : Number(n);
      const chosen = `${String(key)}.${t.pluralCategory(count)}`;
      return label(t, t.has(chosen) ? chosen : `${String(key)}.other`, { count: md.text(t.number(count)), ...labelData(options) });
    },
    join(list: unknown, options: HelperOptions): string {
      // the items are Markdown already; the words that join them are plain
      return Array.isArray(list) ? translator(options).list(list.map(String)) : '';
    },
    ref(n: unknown): string {
      return typeof n === 'number' && Number.isInteger(n) && n > 0 ? `[^${n}]` : '';
    },
  };
}

/** Every text of a value escaped as Markdown (numbers and booleans as they are). */
function escaped(value: unknown, md: MarkdownText): unknown {
  if (typeof value === 'string') return md.text(value);
  if (Array.isArray(value)) return value.map((item) => escaped(item, md));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = escaped(item, md);
    return out;
  }
  return value;
}

/**
 * A handbook to write as Markdown, as plain data (so that a worker thread can write it): the
 * model without its body trees, and each section of part 6 as the tree remark-stringify writes.
 */
export interface MarkdownJob {
  model: Omit<HandbookModel, 'prose'> & { prose: (Omit<ProseSection, 'blocks'> & { root: Root })[] };
}

/** The job of writing `model` as Markdown (see `MarkdownJob`). */
export function markdownJob(model: HandbookModel, t: Translator): MarkdownJob {
  const prose = model.prose.map((section) => {
    const { blocks: _blocks, ...rest } = section;
    return { ...rest, root: proseRoot(section, t) };
  });
  return { model: { ...model, prose } };
}

/**
 * What the Markdown templates see: the handbook model with every text escaped as Markdown text,
 * except what is Markdown already: `prose[].markdown` (each section of part 6 written by
 * remark-stringify), `pathways[].mermaid` (the diagram as a fenced code block),
 * `contacts[].email` (a link) and `sources[].file` (inline code).
 */
export function markdownView(job: MarkdownJob, md: MarkdownText): Record<string, unknown> {
  const { prose, pathways, contacts, sources, ...rest } = job.model;
  return {
    ...(escaped(rest, md) as Record<string, unknown>),
    lang: job.model.lang,
    pathways: pathways.map(({ dot: _dot, mermaid, ...p }) => ({ ...(escaped(p, md) as Record<string, unknown>), mermaid: md.codeBlock('mermaid', mermaid) })),
    contacts: contacts.map((c) => ({ ...(escaped(c, md) as Record<string, unknown>), email: md.email(c.email) })),
    sources: sources.map((s) => ({ n: s.n, label: md.text(s.label), file: md.code(s.file), line: s.line, anchor: s.anchor })),
    prose: prose.map((s) => ({ title: md.text(s.title), file: md.code(s.file), anchor: s.anchor, kind: s.kind, source: s.source, markdown: stringifyMarkdown(s.root) })),
  };
}

/**
 * Loads the Markdown templates (built-in, overridden by `templatesDir/markdown/`) and returns the
 * Markdown renderer of a run. The templates give the handbook's structure; every text in it is
 * escaped by remark-stringify's own rules (src/render/markdown-text.ts) and the body prose is
 * written by remark-stringify, so what a handbook shows reads back as the set's text.
 */
export function createMarkdownRenderer(options: { templatesDir?: string } = {}): MarkdownRenderer {
  const md = createMarkdownText();
  const templates = loadMarkdownTemplates(markdownHelpers(md), options.templatesDir);
  return {
    handbook(job) {
      const text = templates.handbook(markdownView(job, md));
      // one line ending at the end of the file, whatever the templates leave (a loop: /\n+$/ tries
      // every line ending of a handbook of megabytes)
      let end = text.length;
      while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
      return `${text.slice(0, end)}\n`;
    },
  };
}
