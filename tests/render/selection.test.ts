import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { protocolDocuments } from '../../src/check/run-rules.js';
import { SetIndex } from '../../src/check/set-index.js';
import type { ParsedFileWithTree } from '../../src/load/parse-file.js';
import { HandbookBuilder } from '../../src/render/build-handbook.js';
import { translatorFor } from '../../src/render/i18n.js';
import { RenderIndex } from '../../src/render/render-index.js';
import { asList, own, str } from '../../src/util/data.js';
import { BASIC, VALDORIA, loadWithTrees, renderSet } from './render-helpers.js';

/** Text as a reader sees it: Markdown escapes and HTML entities removed, whitespace collapsed. */
function plain(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The paragraphs of the outermost audience containers of a set, with their professions. */
function audiences(files: readonly ParsedFileWithTree[]): { file: string; professions: string[]; text: string }[] {
  const out: { file: string; professions: string[]; text: string }[] = [];
  for (const file of files) {
    const stack: Nodes[] = [...(file.tree?.children ?? [])];
    while (stack.length > 0) {
      const node = stack.shift() as Nodes;
      if (node.type === 'containerDirective' && node.name === 'audience') {
        const professions = (node.attributes?.['professions'] ?? '').split(/[\s,]+/).filter((p) => p !== '');
        const inner: Nodes[] = [...node.children];
        while (inner.length > 0) {
          const child = inner.shift() as Nodes;
          // `:term[risk-assessment]` prints as words: compare without hyphens
          if (child.type === 'paragraph') out.push({ file: file.file, professions, text: plain(toString(child)).replace(/-/g, ' ') });
          else if ('children' in child && child.type !== 'containerDirective') inner.push(...(child.children as Nodes[]));
        }
        continue;
      }
      if ('children' in node) stack.push(...(node.children as Nodes[]));
    }
  }
  return out;
}

describe.each([
  ['the example set', VALDORIA, 'police-officer'],
  ['the render fixture', BASIC, 'police-officer'],
])('%s: the handbook of one profession', (_name, dir, profession) => {
  let files: ParsedFileWithTree[];
  let md: string;
  let html: string;
  /** The HTML's text, without tags. */
  let text: string;
  let set: SetIndex;

  beforeAll(async () => {
    files = loadWithTrees(dir);
    set = new SetIndex(protocolDocuments(files));
    const out = await renderSet(dir, { professions: [profession] });
    md = plain(out.files.get(`${profession}.md`) ?? '');
    html = out.files.get(`${profession}.html`) ?? '';
    text = plain(html.replace(/<[^>]*>/g, ''));
  });

  it('holds every responsibility of the profession’s roles, and no other', () => {
    const mine: string[] = [];
    const others: string[] = [];
    for (const [, entry] of set.responsibilities.first) {
      const role = set.roles.get(`${entry.doc.id ?? ''}/${str(entry.value, 'role') ?? ''}`);
      const action = plain(str(entry.value, 'action') ?? '');
      (str(role?.value, 'profession') === profession ? mine : others).push(action);
    }
    expect(mine.length).toBeGreaterThan(1);
    for (const action of mine) {
      expect(md.includes(action), `Markdown lacks ${action}`).toBe(true);
      expect(text.includes(action), `HTML lacks ${action}`).toBe(true);
    }
    for (const action of others.filter((a) => !mine.includes(a))) {
      expect(md.includes(action), `Markdown holds ${action}`).toBe(false);
      expect(text.includes(action), `HTML holds ${action}`).toBe(false);
    }
  });

  it('holds the audience containers that name the profession, and none of the others', () => {
    const found = audiences(files);
    const md2 = md.replace(/-/g, ' ');
    const html2 = text.replace(/-/g, ' ');
    expect(found.some((a) => !a.professions.includes(profession))).toBe(true);
    for (const a of found) {
      if (a.text.length < 20) continue;
      if (a.professions.includes(profession)) {
        expect(md2.includes(a.text), `Markdown lacks ${a.file}: ${a.text}`).toBe(true);
        expect(html2.includes(a.text), `HTML lacks ${a.file}: ${a.text}`).toBe(true);
      } else if (!found.some((b) => b.professions.includes(profession) && b.text === a.text)) {
        expect(md2.includes(a.text), `Markdown holds ${a.file}: ${a.text}`).toBe(false);
        expect(html2.includes(a.text), `HTML holds ${a.file}: ${a.text}`).toBe(false);
      }
    }
  });

  it('has all nine parts', () => {
    for (const id of ['ch-cover', 'ch-principles', 'ch-duties', 'ch-pathways', 'ch-referrals', 'ch-prose', 'ch-glossary', 'ch-contacts', 'ch-sources']) expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/<svg class="pathway-svg"/);
    expect(md).toContain('```mermaid');
  });
});

describe('the handbook model of the render fixture', () => {
  const files = loadWithTrees(BASIC);
  const rindex = new RenderIndex(new SetIndex(protocolDocuments(files)), files);
  const builder = new HandbookBuilder(rindex, translatorFor('en'));
  const police = builder.build('police-officer');
  const teacher = builder.build('teacher');

  it('groups responsibilities by pathway and step, the others last', () => {
    expect(police.duties.map((g) => g.pathway?.id ?? null)).toEqual(['ipv', null]);
    expect(police.duties[0]?.steps.map((s) => [s.step?.name, s.step?.timing, s.items.map((i) => i.key)])).toEqual([['First contact', 'within 1 hour', ['testland-police/attend', 'testland-police/barring']]]);
    expect(police.duties[1]?.steps[0]?.items.map((i) => [i.key, i.within, i.raci])).toEqual([['testland-police/investigate', 'within 3 days', 'accountable']]);
  });

  it('shows the handovers before and after the profession’s steps', () => {
    const pathway = police.pathways[0];
    expect(pathway?.handovers.map((h) => [h.step.name, h.before.map((b) => b.name), h.after.map((a) => [a.name, a.who, a.timing])])).toEqual([
      ['First contact', [], [['Medical care', 'Nurse (Testland Hospital)', 'within 3 hours after “First contact”'], ['Safe accommodation', "Shelter advocate (Testland Women's Shelter)", 'within 24 hours']]],
    ]);
    const health = builder.build('health-worker').pathways[0];
    expect(health?.handovers[0]?.before.map((b) => [b.name, b.who])).toEqual([['First contact', 'Patrol officer (Testland Police)']]);
  });

  it('lists referrals out and in with consent, sharing and legal basis', () => {
    expect(police.referralsOut.map((r) => [r.toService, r.within, r.consent, r.shares, r.legalBasis, r.feedback])).toEqual([
      ['Medical care after violence', 'within 2 hours', 'her consent is required', ['incident summary'], 'Violence against Women Act (Act No. 1 of 2025)', 'within 7 days'],
      ['Emergency shelter', 'within 24 hours', 'her consent is required', [], '', ''],
    ]);
    const shelter = builder.build('shelter-worker');
    expect(shelter.referralsIn.map((r) => [r.fromAgency, r.fromRole])).toEqual([['Testland Hospital', 'Nurse'], ['Testland Police', 'Patrol officer']]);
  });

  it('keeps a glossary of the terms used only', () => {
    expect(police.glossary.map((g) => g.key)).toEqual(['barring-order', 'confidentiality', 'intimate-partner-violence', 'survivor', 'survivor-centred']);
    expect(police.glossary.find((g) => g.key === 'survivor')?.avoid).toEqual(['victim']);
    expect(teacher.glossary.map((g) => g.key)).not.toContain('barring-order');
  });

  it('lists contacts of the agencies it refers to, without confidential addresses', () => {
    expect(police.contacts.map((c) => [c.id, c.address, c.confidential])).toEqual([
      ['testland-hospital', '5 Clinic Way, Testville', false],
      ['testland-shelter', '', true],
    ]);
  });

  it('traces every item to its document and line', () => {
    const attend = police.duties[0]?.steps[0]?.items[0];
    const source = police.sources.find((s) => s.n === attend?.source);
    expect(source).toMatchObject({ file: expect.stringMatching(/agencies\/testland-police\.md$/), line: 18 });
    expect(police.sources.map((s) => s.n)).toEqual(police.sources.map((_, i) => i + 1));
    const lines = (files.find((f) => f.file.endsWith('testland-police.md'))?.text ?? '').split('\n');
    expect(lines[(source?.line ?? 0) - 1]).toContain('POLICE-DUTY-ATTEND');
  });

  it('counts what it holds', () => {
    expect(police.counts).toEqual({ duties: 3, pathways: 1, referralsOut: 2, referralsIn: 0, terms: 5, contacts: 2 });
    expect(asList(own(rindex.framework?.data, 'professions')).length).toBe(4);
  });
});
