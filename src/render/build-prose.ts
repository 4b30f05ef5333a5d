import type { Nodes, RootContent } from 'mdast';
import { mdastToString as toString } from '../vendor/render-deps.js';
import type { ProtocolDocument } from '../model/document.js';
import { asList, own, str } from '../util/data.js';
import type { BuildContext } from './build-handbook.js';
import type { ProseBlock, ProseSection } from './handbook-model.js';
import type { Translator } from './i18n.js';
import { cleanNodes, filterAudience, minHeadingDepth, splitBody, type SplitBody } from './prose.js';
import type { RenderIndex } from './render-index.js';
import { directiveWords } from './terms.js';
import { slugOf } from './words.js';

/** Handbook headings: chapter h2, document h3, body headings from h4. */
const BODY_DEPTH = 4;

/**
 * Work on bodies shared by every handbook of a run: each body split once, each node cleaned once
 * per output, each node's term uses found once. Keyed by node objects, which audience filtering
 * keeps when it changes nothing.
 */
export class ProseCache {
  private readonly bodies = new Map<string, SplitBody | null>();
  private readonly cleaned = new WeakMap<object, Map<string, RootContent[]>>();
  private readonly usages = new WeakMap<object, readonly string[]>();
  private readonly confidential: string;

  constructor(
    private readonly rindex: RenderIndex,
    t: Translator,
  ) {
    this.confidential = t.t('contact.confidentialAddress');
  }

  /** The body of a document split into sections (null without a kept tree). */
  body(doc: ProtocolDocument): SplitBody | null {
    let body = this.bodies.get(doc.file);
    if (body === undefined) {
      const tree = this.rindex.treeOf(doc);
      body = tree === undefined ? null : splitBody(tree);
      this.bodies.set(doc.file, body);
    }
    return body;
  }

  /** A node cleaned for one output, headings shifted by `shift`. */
  clean(node: RootContent, doc: ProtocolDocument, target: 'md' | 'html', shift: number): RootContent[] {
    let byKey = this.cleaned.get(node);
    if (byKey === undefined) this.cleaned.set(node, (byKey = new Map()));
    const key = `${target}|${shift}`;
    let result = byKey.get(key);
    if (result === undefined) {
      const agency = doc.kind === 'agency' ? doc.id : undefined;
      result = cleanNodes([node], {
        target,
        shift,
        minDepth: BODY_DEPTH,
        term: (id) => {
          const info = this.rindex.terms.resolve(id, agency);
          if (info === undefined) return undefined;
          const spellings = [str(info.entry.value, 'term'), ...asList(own(info.entry.value, 'aliases'))].filter((x): x is string => typeof x === 'string');
          return { text: this.redact(directiveWords(id, spellings)), anchor: termAnchor(info.key) };
        },
        redact: (text) => this.redact(text),
        original: (n) => {
          const start = n.position?.start.offset;
          const end = n.position?.end.offset;
          const text = this.rindex.files.get(doc.file)?.text;
          return start === undefined || end === undefined || text === undefined ? undefined : text.slice(start, end);
        },
      });
      byKey.set(key, result);
    }
    return result;
  }

  /** Keys of the terms a node uses: `:term[]` directives and words that match a term or alias. */
  usage(node: RootContent, doc: ProtocolDocument, shift: number): readonly string[] {
    let found = this.usages.get(node);
    if (found === undefined) {
      const agency = doc.kind === 'agency' ? doc.id : undefined;
      const keys = new Set<string>();
      const stack: Nodes[] = [node];
      while (stack.length > 0) {
        const current = stack.pop() as Nodes;
        if (current.type === 'textDirective' && current.name === 'term') {
          const info = this.rindex.terms.resolve(toString(current).trim(), agency);
          if (info !== undefined) keys.add(info.key);
        } else if ('children' in current) {
          stack.push(...(current.children as Nodes[]));
        }
      }
      for (const cleaned of this.clean(node, doc, 'md', shift)) for (const key of this.rindex.terms.scan(toString(cleaned))) keys.add(key);
      found = [...keys];
      this.usages.set(node, found);
    }
    return found;
  }

  private redact(text: string): string {
    return this.rindex.redactor.redact(text, this.confidential);
  }
}

/** The glossary anchor of a term key. */
export function termAnchor(key: string): string {
  return `term-${slugOf(key)}`;
}

/** The title of a document for people: its name or title, or its id in words. */
export function documentTitle(rindex: RenderIndex, doc: ProtocolDocument): string {
  const data = doc.data;
  switch (doc.kind) {
    case 'agency':
      return str(data, 'name') ?? doc.id ?? doc.file;
    case 'meeting': {
      const body = str(data, 'body');
      const name = body === undefined ? undefined : str(rindex.set.bodies.get(body)?.value, 'name');
      return [name ?? body ?? doc.id ?? doc.file, str(data, 'date')].filter((x) => x !== undefined).join(', ');
    }
    default:
      return str(data, 'title') ?? (doc.id ?? doc.file).replace(/[-_]+/g, ' ');
  }
}

function block(ctx: BuildContext, doc: ProtocolDocument, nodes: readonly RootContent[], shift: number, source: number): ProseBlock {
  const md: RootContent[] = [];
  const html: RootContent[] = [];
  const terms = new Set<string>();
  for (const node of nodes) {
    md.push(...ctx.prose.clean(node, doc, 'md', shift));
    html.push(...ctx.prose.clean(node, doc, 'html', shift));
    for (const key of ctx.prose.usage(node, doc, shift)) terms.add(key);
  }
  return { nodes: md, htmlNodes: html, terms: [...terms], source };
}

/**
 * Part 6: the bodies of the profession's own agencies' documents (audience containers for other
 * professions removed), then the `:::audience` containers that name it anywhere else in the set.
 */
export function buildProse(ctx: BuildContext): ProseSection[] {
  const { rindex, t, profession } = ctx;
  const sections: ProseSection[] = [];
  const own = new Set<string>();
  for (const doc of rindex.agencies.get(profession) ?? []) {
    own.add(doc.file);
    const body = ctx.prose.body(doc);
    if (body === null) continue;
    const title = ctx.clean(body.title ?? documentTitle(rindex, doc));
    const shift = BODY_DEPTH - body.minDepth;
    const blocks: ProseBlock[] = [];
    for (const section of body.sections) {
      const nodes = filterAudience(section.nodes, profession);
      if (nodes.length === 0) continue;
      const label = section.heading === '' ? t.t('source.text', { title }) : t.t('source.section', { title, heading: ctx.clean(section.heading) });
      blocks.push(block(ctx, doc, nodes, shift, ctx.sources.add(label, doc.file, section.line)));
    }
    if (blocks.length > 0) sections.push({ title, file: doc.file, anchor: `doc-${sections.length + 1}`, kind: 'agency', blocks, source: blocks[0]?.source ?? 0 });
  }
  let current: ProseSection | undefined;
  for (const hit of rindex.audiences.get(profession) ?? []) {
    if (own.has(hit.doc.file)) continue;
    const nodes = filterAudience(hit.node.children, profession);
    if (nodes.length === 0) continue;
    const title = ctx.clean(ctx.prose.body(hit.doc)?.title ?? documentTitle(rindex, hit.doc));
    const line = hit.node.position?.start.line ?? 1;
    const source = ctx.sources.add(t.t('source.audience', { title }), hit.doc.file, line);
    const made = block(ctx, hit.doc, nodes, BODY_DEPTH - minHeadingDepth(nodes), source);
    if (current === undefined || current.file !== hit.doc.file) {
      current = { title, file: hit.doc.file, anchor: `doc-${sections.length + 1}`, kind: 'audience', blocks: [], source };
      sections.push(current);
    }
    current.blocks.push(made);
  }
  return sections;
}
