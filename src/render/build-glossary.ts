import { asList, own, str } from '../util/data.js';
import type { BuildContext } from './build-handbook.js';
import { termAnchor } from './build-prose.js';
import type { DutyGroup, GlossaryEntry, PathwayView, PrincipleView, ProseSection, ReferralView } from './handbook-model.js';

/** What the glossary scans for term uses. */
export interface GlossaryInput {
  principles: readonly PrincipleView[];
  duties: readonly DutyGroup[];
  pathways: readonly PathwayView[];
  referrals: readonly ReferralView[];
  prose: readonly ProseSection[];
}

/** Part 7: only the terms this handbook uses (principles, words in its items, terms in its prose). */
export function buildGlossary(ctx: BuildContext, input: GlossaryInput): GlossaryEntry[] {
  const { rindex, t } = ctx;
  const used = new Set<string>();
  const scan = (text: string): void => {
    for (const key of rindex.terms.scan(text)) used.add(key);
  };
  for (const principle of input.principles) if (rindex.terms.byKey.has(principle.id)) used.add(principle.id);
  for (const group of input.duties) for (const step of group.steps) for (const item of step.items) scan(item.action);
  for (const pathway of input.pathways) {
    scan(pathway.title);
    for (const form of pathway.forms) scan(form);
    for (const step of pathway.steps) if (step.mine) scan(step.action);
    for (const window of pathway.windows) scan(window.source);
  }
  for (const referral of input.referrals) for (const text of [referral.toService, referral.eligibility, referral.notes, ...referral.shares]) scan(text);
  for (const section of input.prose) for (const block of section.blocks) for (const key of block.terms) used.add(key);

  const collator = new Intl.Collator(t.lang, { sensitivity: 'base' });
  const entries: GlossaryEntry[] = [];
  for (const key of used) {
    const info = rindex.terms.byKey.get(key);
    if (info === undefined) continue;
    const value = info.entry.value;
    const origin = str(value, 'source');
    const legal = origin === undefined ? undefined : rindex.set.legal.get(origin);
    const texts = (field: string): string[] => asList(own(value, field)).filter((x): x is string => typeof x === 'string').map((x) => ctx.clean(x));
    entries.push({
      key,
      term: ctx.clean(str(value, 'term') ?? info.entry.id),
      definition: ctx.clean(str(value, 'definition') ?? ''),
      aliases: texts('aliases'),
      avoid: texts('avoid'),
      avoidExcept: asList(own(value, 'avoid_except')).filter((x): x is string => typeof x === 'string').map((x) => t.code('sector', x)),
      origin: ctx.clean(legal === undefined ? (origin ?? '') : (str(legal.value, 'title') ?? origin ?? '')),
      agency: info.agency === undefined ? '' : ctx.clean(ctx.agencyName(info.agency)),
      anchor: termAnchor(key),
      source: 0,
    });
  }
  entries.sort((a, b) => collator.compare(a.term, b.term) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const entry of entries) {
    const info = rindex.terms.byKey.get(entry.key);
    if (info !== undefined) entry.source = ctx.source(t.t('source.term', { id: entry.key }), info.entry.doc, [...info.entry.path, 'definition']);
  }
  return entries;
}
