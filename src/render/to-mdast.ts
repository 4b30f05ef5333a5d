import type { BlockContent, Heading, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { email, emphasis, field, fields, heading, item, joined, list, paragraph, ref, strong, table, text } from './mdast-builders.js';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { defaultHandlers } from 'mdast-util-to-markdown';
import { installFastSafe, type SafeState } from './fast-safe.js';
import { unified } from 'unified';
import type { HandbookModel, ReferralView } from './handbook-model.js';
import type { Translator } from './i18n.js';

function referral(r: ReferralView, t: Translator, direction: 'out' | 'in'): RootContent[] {
  const title = direction === 'out' ? t.t('referral.toTitle', { service: r.toService, agency: r.toAgency }) : t.t('referral.fromTitle', { agency: r.fromAgency, service: r.toService });
  const details = fields([
    [t.t('referral.from'), direction === 'out' ? r.fromRole : [r.fromRole, r.fromAgency].filter((x) => x !== '').join(', ')],
    [t.t('referral.within'), r.within],
    [t.t('referral.consent'), r.consent],
    [t.t('referral.shares'), r.shares.length === 0 ? '' : t.list(r.shares)],
    [t.t('referral.legalBasis'), r.legalBasis],
    [t.t('referral.feedback'), r.feedback],
    [t.t('referral.eligibility'), r.eligibility],
    [t.t('referral.available'), r.available],
    [t.t('referral.notes'), r.notes],
  ], t.t('punct.colon'));
  return [{ type: 'heading', depth: 4, children: [text(title), ...ref(r.source)] }, ...(details === undefined ? [] : [details])];
}

/**
 * A body node shared between handbooks, written once per run: remark-stringify writes it the
 * first time and the same text is reused (see `memoHandler`).
 */
export interface MemoNode {
  type: 'protokitMemo';
  /** The same number for the same node object in every handbook of a run: the key of its text. */
  key: number;
  /** The node; left out when it is sent to a worker that has already written it. */
  node?: RootContent;
}

/** Numbers of shared node objects (ids for the texts a thread keeps, see `memoHandler`). */
const keys = new WeakMap<object, number>();
let nextKey = 0;

function keyOf(node: RootContent): number {
  let key = keys.get(node);
  if (key === undefined) keys.set(node, (key = nextKey++));
  return key;
}


/**
 * Marks the top-level body nodes that are written once and reused. A list next to another list
 * is left alone: remark-stringify gives it a different bullet so that the two stay two lists.
 */
function memoise(children: RootContent[], shared: ReadonlySet<RootContent>): RootContent[] {
  return children.map((node, i) => {
    if (!shared.has(node)) return node;
    if (node.type === 'list' && (children[i - 1]?.type === 'list' || children[i + 1]?.type === 'list')) return node;
    return { type: 'protokitMemo', key: keyOf(node), node } satisfies MemoNode as unknown as RootContent;
  });
}

/** The handbook as an mdast tree (FORMAT.md §5, parts 1 to 9). */
export function toMdast(model: HandbookModel, t: Translator): Root {
  return { type: 'root', children: buildChildren(model, t).children };
}

function buildChildren(model: HandbookModel, t: Translator): { children: RootContent[]; shared: Set<RootContent> } {
  const out: RootContent[] = [];
  const shared = new Set<RootContent>();
  const c = model.cover;
  const colon = t.t('punct.colon');
  // 1. cover
  out.push({ type: 'heading', depth: 1, children: [text(t.t('handbook.title', { profession: model.profession.title }))] });
  if (c.framework !== '') out.push(paragraph(strong(c.framework), ...ref(c.source)));
  const cover = fields([
    [t.t('cover.jurisdiction'), [c.jurisdiction, c.level].filter((x) => x !== '').join(', ')],
    [t.t('cover.version'), c.version],
    [t.t('cover.status'), c.status],
    [t.t('cover.effective'), c.effective],
    [t.t('cover.reviewBy'), c.reviewBy],
    [t.t('cover.coordinatingBody'), c.coordinatingBody],
  ], colon);
  if (cover !== undefined) out.push(cover);
  if (model.roles.length > 0) {
    out.push(paragraph(strong(t.t('cover.roles'))));
    out.push(list(model.roles.map((r) => item([text(r.title), text(` — ${r.agency}`)]))));
  }
  // 2. principles
  out.push(heading(2, t.t('chapter.principles')));
  if (model.principles.length === 0) out.push(paragraph(emphasis(t.t('common.none'))));
  else out.push(list(model.principles.map((p) => item([strong(p.term), text(p.definition === '' ? '' : `${colon} ${p.definition}`), ...ref(p.source)]))));
  // 3. responsibilities
  out.push(heading(2, t.t('chapter.duties')), paragraph(text(t.t('intro.duties'))));
  if (model.duties.length === 0) out.push(paragraph(emphasis(t.t('duties.none'))));
  for (const group of model.duties) {
    out.push(heading(3, group.pathway === null ? t.t('duties.other') : group.pathway.title));
    for (const step of group.steps) {
      if (step.step !== null) out.push({ type: 'heading', depth: 4, children: [text(t.t('duties.step', { step: step.step.name })), ...(step.step.timing === '' ? [] : [text(` — ${step.step.timing}`)])] });
      out.push(
        list(
          step.items.map((i) =>
            item(
              [text(i.action), ...(i.within === '' ? [] : [text(' — '), strong(i.within)]), text(' '), emphasis(`(${[i.role, i.agency, i.raci].filter((x) => x !== '').join(', ')})`), ...ref(i.source)],
              false,
            ),
          ),
        ),
      );
    }
  }
  // 4. pathways
  out.push(heading(2, t.t('chapter.pathways')));
  if (model.pathways.length === 0) out.push(paragraph(emphasis(t.t('pathway.none'))));
  for (const pathway of model.pathways) {
    out.push({ type: 'heading', depth: 3, children: [text(pathway.title), ...ref(pathway.source)] });
    if (pathway.forms.length > 0) out.push(paragraph(...field(t.t('pathway.forms'), t.list(pathway.forms), colon)));
    out.push({ type: 'code', lang: 'mermaid', meta: null, value: pathway.mermaid });
    out.push(paragraph(emphasis(t.t('pathway.legend'))));
    out.push(heading(4, t.t('pathway.yourSteps')));
    for (const h of pathway.handovers) {
      out.push(paragraph(strong(h.step.name), text(` (${h.step.part})`), ...(h.step.timing === '' ? [] : [text(` — ${h.step.timing}`)]), text(`${colon} ${h.step.action}`), ...ref(h.step.source)));
      const links: ListItem[] = [];
      if (h.before.length === 0) links.push(item([strong(`${t.t('handover.before')}${colon}`), text(` ${t.t('handover.start')}`)]));
      for (const b of h.before) links.push(item([strong(`${t.t('handover.before')}${colon}`), text(' '), ...joined([[text(b.name)], b.who === '' ? [] : [text(b.who)], b.timing === '' ? [] : [text(b.timing)]], ' — ')]));
      if (h.after.length === 0) links.push(item([strong(`${t.t('handover.after')}${colon}`), text(` ${t.t('handover.end')}`)]));
      for (const a of h.after) links.push(item([strong(`${t.t('handover.after')}${colon}`), text(' '), ...joined([[text(a.name)], a.who === '' ? [] : [text(a.who)], a.timing === '' ? [] : [text(a.timing)]], ' — ')]));
      out.push(list(links));
    }
    out.push(heading(4, t.t('pathway.allSteps')));
    out.push(
      table(
        [t.t('pathway.step'), t.t('pathway.lead'), t.t('pathway.time')],
        pathway.steps.map((s) => [[s.mine ? strong(s.name) : text(s.name), ...ref(s.source)], [text(s.lead)], [text(s.timing)]]),
      ),
    );
    if (pathway.windows.length > 0) {
      out.push(heading(4, t.t('pathway.windows')));
      out.push(list(pathway.windows.map((w) => item([strong(w.step), text(` — ${w.within}`), ...(w.source === '' ? [] : [text(` (${w.source})`)])]))));
    }
  }
  // 5. referrals
  out.push(heading(2, t.t('chapter.referrals')));
  out.push(heading(3, t.t('referral.out')));
  if (model.referralsOut.length === 0) out.push(paragraph(emphasis(t.t('common.none'))));
  for (const r of model.referralsOut) out.push(...referral(r, t, 'out'));
  out.push(heading(3, t.t('referral.in')));
  if (model.referralsIn.length === 0) out.push(paragraph(emphasis(t.t('common.none'))));
  for (const r of model.referralsIn) out.push(...referral(r, t, 'in'));
  // 6. prose
  out.push(heading(2, t.t('chapter.prose')), paragraph(text(t.t('intro.prose'))));
  if (model.prose.length === 0) out.push(paragraph(emphasis(t.t('common.none'))));
  for (const section of model.prose) {
    const title: Heading = { type: 'heading', depth: 3, children: [text(section.kind === 'agency' ? section.title : t.t('prose.from', { title: section.title }))] };
    out.push(title);
    section.blocks.forEach((block, i) => {
      const [first, ...rest] = block.nodes;
      // each block's source goes on its heading (a copy: cleaned nodes are shared between handbooks)
      for (const node of rest) shared.add(node);
      if (first !== undefined && first.type === 'heading') {
        out.push({ ...first, children: [...first.children, ...ref(block.source)] }, ...rest);
      } else if (i === 0) {
        if (first !== undefined) shared.add(first);
        title.children.push(...ref(block.source));
        out.push(...block.nodes);
      } else {
        if (first !== undefined) shared.add(first);
        out.push(...block.nodes, paragraph(emphasis(t.t('prose.source')), ...ref(block.source)));
      }
    });
  }
  // 7. glossary
  out.push(heading(2, t.t('chapter.glossary')));
  if (model.glossary.length === 0) out.push(paragraph(emphasis(t.t('common.none'))));
  else
    out.push(
      list(
        model.glossary.map((g) => {
          const extra: PhrasingContent[] = [];
          if (g.aliases.length > 0) extra.push(text(' '), emphasis(`${t.t('glossary.aliases')}${colon}`), text(` ${t.list(g.aliases)}.`));
          if (g.avoid.length > 0) extra.push(text(' '), emphasis(`${t.t('glossary.avoid')}${colon}`), text(` ${t.list(g.avoid)}`), text(g.avoidExcept.length > 0 ? ` (${t.t('glossary.avoidExcept', { sectors: t.list(g.avoidExcept) })}).` : '.'));
          if (g.agency !== '') extra.push(text(' '), emphasis(`${t.t('glossary.agency')}${colon}`), text(` ${g.agency}.`));
          if (g.origin !== '') extra.push(text(' '), emphasis(`${t.t('glossary.origin')}${colon}`), text(` ${g.origin}.`));
          return item([strong(g.term), text(g.definition === '' ? '' : `${colon} ${g.definition}`), ...extra, ...ref(g.source)]);
        }),
      ),
    );
  // 8. contacts
  out.push(heading(2, t.t('chapter.contacts')));
  if (model.contacts.length === 0) out.push(paragraph(emphasis(t.t('common.none'))));
  else
    out.push(
      table(
        [t.t('contact.agency'), t.t('contact.urgent'), t.t('contact.hours'), t.t('contact.email'), t.t('contact.address'), t.t('contact.relation')],
        model.contacts.map((k) => [
          [strong(k.name), ...ref(k.source)],
          [text(k.urgent)],
          [text(k.hours)],
          email(k.email),
          [k.confidential ? emphasis(t.t('contact.addressConfidential')) : text(k.address)],
          [text(k.relation)],
        ]),
      ),
    );
  // 9. sources
  out.push(heading(2, t.t('chapter.sources')), paragraph(text(t.t('intro.sources'))));
  for (const s of model.sources) {
    const children: BlockContent[] = [{ type: 'paragraph', children: [text(`${s.label} — `), { type: 'inlineCode', value: s.file }, text(`, ${t.t('sources.line', { line: s.line })}`)] }];
    out.push({ type: 'footnoteDefinition', identifier: String(s.n), label: String(s.n), children });
  }
  return { children: out, shared };
}

/** The texts of shared nodes this thread has written, by key. */
const written = new Map<number, string>();

/**
 * Writes a shared body node with remark-stringify's own handler the first time, then reuses the
 * text. At the top level of a handbook a node's text depends only on the node (remark-stringify
 * passes every top-level node the same surroundings), so the output is the same as without reuse.
 */
function memoHandler(node: MemoNode, parent: unknown, state: { handle: (node: unknown, parent: unknown, state: unknown, info: unknown) => string }, info: unknown): string {
  let text = written.get(node.key);
  if (text === undefined) {
    if (node.node === undefined) throw new Error(`The text of shared node ${node.key} was not written before`);
    text = state.handle(node.node, parent, state, info);
    written.set(node.key, text);
  }
  return text;
}

/** The root handler: remark-stringify's own, with the faster `safe` that gives the same text (fast-safe.ts). */
function rootHandler(node: unknown, parent: unknown, state: unknown, info: unknown): string {
  if (useFastSafe) installFastSafe(state as SafeState);
  return (defaultHandlers.root as unknown as (node: unknown, parent: unknown, state: unknown, info: unknown) => string)(node, parent, state, info);
}

/** Off only in tests that compare the fast path with the library's own `safe`. */
let useFastSafe = true;

/** Turns the faster `safe` (fast-safe.ts) on or off, for tests that compare the two. */
export function setFastSafe(on: boolean): void {
  useFastSafe = on;
}

let processor: ReturnType<typeof createProcessor> | undefined;

function createProcessor() {
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '_',
      strong: '*',
      fence: '`',
      fences: true,
      listItemIndent: 'one',
      rule: '-',
      incrementListMarker: true,
      handlers: { root: rootHandler, protokitMemo: memoHandler } as unknown as NonNullable<StringifyOptions['handlers']>,
    })
    .freeze();
}

/**
 * The handbook's Markdown tree as it is written: body nodes shared between handbooks are marked
 * to be written once (plain data, so a worker thread can write it).
 */
export function markdownRoot(model: HandbookModel, t: Translator): Root {
  const { children, shared } = buildChildren(model, t);
  return { type: 'root', children: memoise(children, shared) };
}

/** Writes a tree from `markdownRoot` with remark-stringify. */
export function stringifyMarkdown(root: Root): string {
  processor ??= createProcessor();
  return processor.stringify(root);
}

/** The handbook as Markdown: the mdast tree written by remark-stringify (never by concatenation). */
export function toMarkdown(model: HandbookModel, t: Translator): string {
  return stringifyMarkdown(markdownRoot(model, t));
}
