import type { Entry } from '../check/set-index.js';
import type { Path } from '../model/diagnostic.js';
import type { ProtocolDocument } from '../model/document.js';
import { asList, asRecord, own, str } from '../util/data.js';
import { formatWithin } from './duration.js';
import type { DutyGroup, DutyItem, HandbookModel, PrincipleView, RoleView } from './handbook-model.js';
import type { Translator } from './i18n.js';
import { buildContacts } from './build-contacts.js';
import { buildGlossary } from './build-glossary.js';
import { buildPathways, pathwayDiagram, pathwaysOf, stepName, type PathwayDiagram } from './build-pathways.js';
import { ProseCache, buildProse } from './build-prose.js';
import { buildReferrals } from './build-referrals.js';
import type { RenderIndex } from './render-index.js';
import { SourceList, lineOf } from './sources.js';
import { humanise, slugOf } from './words.js';

/** What every part of a handbook reads while it is built: the run's shared state and the handbook's sources. */
export interface BuildContext {
  rindex: RenderIndex;
  t: Translator;
  profession: string;
  sources: SourceList;
  prose: ProseCache;
  /** The run's pathway diagrams, by pathway id (`pathwayDiagram`). */
  diagrams: Map<string, PathwayDiagram>;
  /** Document text made safe to print (confidential addresses removed). */
  clean(text: unknown): string;
  /** The source number of a frontmatter value. */
  source(label: string, doc: ProtocolDocument, path: Path): number;
  agencyName(id: string | undefined): string;
  /** "Role title (Agency name)" of a role reference `agency/role`. */
  roleLabel(ref: unknown): string;
  /** The words of a term id (a principle, a form of violence). */
  termWords(id: string): string;
  /** A step's timeframe: "within 3 hours after “First contact”". */
  timing(pathway: string, step: Record<string, unknown>): string;
}

/**
 * Builds handbook models. One builder serves a whole run: it holds the render index (built once
 * from the set's index) and caches of work shared between handbooks (split and cleaned bodies,
 * term uses), so each handbook costs only what concerns its profession.
 */
export class HandbookBuilder {
  readonly prose: ProseCache;
  private readonly diagrams = new Map<string, PathwayDiagram>();

  constructor(
    readonly rindex: RenderIndex,
    readonly t: Translator,
  ) {
    this.prose = new ProseCache(rindex, t);
  }

  /** What every handbook's context holds alike: the shared state and the functions that do not depend on the profession. */
  private shared(): Omit<BuildContext, 'profession' | 'sources' | 'source'> {
    const { rindex, t } = this;
    const confidential = t.t('contact.confidentialAddress');
    const clean = (text: unknown): string => (typeof text === 'string' ? rindex.redactor.redact(text.trim(), confidential) : '');
    return {
      rindex,
      t,
      prose: this.prose,
      diagrams: this.diagrams,
      clean,
      agencyName: (id) => (id === undefined ? '' : (str(rindex.set.agencies.get(id)?.value, 'name') ?? id)),
      roleLabel: (ref) => clean(roleLabel(rindex, ref)),
      termWords: (id) => str(rindex.set.terms.get(id)?.value, 'term') ?? humanise(id),
      timing: (pathway, step) => {
        const within = formatWithin(own(step, 'within'), t);
        const after = str(step, 'after');
        if (within === '' || after === undefined) return within;
        return t.t('time.after', { within, step: stepName(`${pathway}/${after}`) });
      },
    };
  }

  /**
   * The distinct pathway diagrams the handbooks of `professions` show, in the order they are
   * first needed when the handbooks are built in that order (so they can be laid out ahead).
   */
  diagramsFor(professions: readonly string[]): PathwayDiagram[] {
    const ctx = this.shared();
    const seen = new Set<string>();
    const out: PathwayDiagram[] = [];
    for (const profession of professions) {
      for (const id of pathwaysOf(this.rindex, profession)) {
        if (seen.has(id)) continue;
        seen.add(id);
        const made = pathwayDiagram(ctx, id);
        if (made !== undefined) out.push(made);
      }
    }
    return out;
  }

  /** The handbook of one profession of the framework. */
  build(professionId: string): HandbookModel {
    const { rindex, t } = this;
    const info = rindex.professionById.get(professionId);
    const sources = new SourceList();
    const ctx: BuildContext = {
      ...this.shared(),
      profession: professionId,
      sources,
      source: (label, doc, path) => sources.add(label, doc.file, lineOf(rindex.files.get(doc.file) ?? doc, path)),
    };
    const cover = this.cover(ctx);
    const principles = this.principles(ctx);
    const duties = this.duties(ctx);
    const pathways = buildPathways(ctx);
    const { out, into } = buildReferrals(ctx);
    const prose = buildProse(ctx);
    const glossary = buildGlossary(ctx, { principles, duties, pathways, referrals: [...out, ...into], prose });
    const contacts = buildContacts(ctx, { out, into });
    const title = info?.title ?? professionId;
    const slug = slugOf(professionId);
    return {
      lang: t.lang,
      profession: { id: professionId, title, slug: slug === '' ? 'profession' : slug, cssClass: `pf${info?.n ?? 0}` },
      cover,
      roles: this.roles(ctx),
      principles,
      duties,
      pathways,
      referralsOut: out,
      referralsIn: into,
      prose,
      glossary,
      contacts,
      sources: sources.entries,
      counts: {
        duties: new Set(duties.flatMap((g) => g.steps.flatMap((s) => s.items.map((i) => i.key)))).size,
        pathways: pathways.length,
        referralsOut: out.length,
        referralsIn: into.length,
        terms: glossary.length,
        contacts: contacts.length,
      },
    };
  }

  private cover(ctx: BuildContext): HandbookModel['cover'] {
    const { t } = ctx;
    const framework = ctx.rindex.framework;
    const data = framework?.data;
    const jurisdiction = asRecord(own(data, 'jurisdiction'));
    const body = asRecord(own(data, 'coordinating_body'));
    return {
      framework: ctx.clean(str(data, 'title') ?? ''),
      jurisdiction: ctx.clean(str(jurisdiction, 'name') ?? ''),
      level: t.code('level', str(jurisdiction, 'level')),
      version: ctx.clean(typeof own(data, 'version') === 'number' ? String(own(data, 'version')) : (str(data, 'version') ?? '')),
      status: t.code('status', str(data, 'status')),
      effective: t.date(own(data, 'effective')),
      reviewBy: t.date(own(data, 'review_by')),
      coordinatingBody: ctx.clean(str(body, 'name') ?? ''),
      source: framework === undefined ? 0 : ctx.source(t.t('source.framework', { id: framework.id ?? '' }), framework, ['title']),
    };
  }

  private roles(ctx: BuildContext): RoleView[] {
    return (ctx.rindex.roles.get(ctx.profession) ?? []).map(({ key, entry }) => ({
      key,
      title: ctx.clean(str(entry.value, 'title') ?? entry.id),
      agency: ctx.clean(ctx.agencyName(entry.doc.id)),
    }));
  }

  private principles(ctx: BuildContext): PrincipleView[] {
    const framework = ctx.rindex.framework;
    const out: PrincipleView[] = [];
    for (const id of asList(own(framework?.data, 'principles'))) {
      if (typeof id !== 'string') continue;
      const term = ctx.rindex.set.terms.get(id);
      out.push({
        id,
        term: ctx.clean(str(term?.value, 'term') ?? humanise(id)),
        definition: ctx.clean(str(term?.value, 'definition') ?? ''),
        anchor: `principle-${slugOf(id)}`,
        source: term === undefined ? 0 : ctx.source(ctx.t.t('source.term', { id }), term.doc, [...term.path, 'definition']),
      });
    }
    return out;
  }

  /** Part 3: the profession's responsibilities, grouped by pathway (set order) and step (pathway order). */
  private duties(ctx: BuildContext): DutyGroup[] {
    const { rindex } = ctx;
    const byPathway = new Map<string, Map<string, DutyItem[]>>();
    const loose: DutyItem[] = [];
    const entries = new Map<DutyItem, Entry>();
    for (const entry of rindex.responsibilities.get(ctx.profession) ?? []) {
      const item = this.dutyItem(ctx, entry);
      entries.set(item, entry);
      const steps = asList(own(entry.value, 'step')).filter((s): s is string => typeof s === 'string' && rindex.step(s) !== undefined);
      if (steps.length === 0) loose.push(item);
      for (const key of steps) {
        const pathway = rindex.step(key)?.doc.id ?? '';
        let bySteps = byPathway.get(pathway);
        if (bySteps === undefined) byPathway.set(pathway, (bySteps = new Map()));
        const list = bySteps.get(key);
        if (list === undefined) bySteps.set(key, [item]);
        else if (!list.includes(item)) list.push(item);
      }
    }
    const groups: DutyGroup[] = [];
    for (const id of rindex.inSetOrder('pathway', byPathway.keys())) {
      const bySteps = byPathway.get(id);
      const entry = rindex.set.pathways.get(id);
      if (bySteps === undefined || entry === undefined) continue;
      const steps = rindex
        .stepsOf(entry.doc)
        .filter((s) => bySteps.has(s.key))
        .map((s) => ({ step: { id: s.key, name: stepName(s.key), timing: ctx.timing(id, s.value) }, items: bySteps.get(s.key) ?? [] }));
      groups.push({ pathway: { id, title: ctx.clean(str(entry.value, 'title') ?? humanise(id)), anchor: `pathway-${slugOf(id)}` }, anchor: `duties-${slugOf(id)}`, steps });
    }
    if (loose.length > 0) groups.push({ pathway: null, anchor: 'duties-other', steps: [{ step: null, items: loose }] });
    // sources are numbered in the order the checklist shows them
    for (const group of groups) {
      for (const step of group.steps) {
        for (const item of step.items) {
          const entry = entries.get(item);
          if (item.source === 0 && entry !== undefined) item.source = ctx.source(ctx.t.t('source.responsibility', { id: item.key }), entry.doc, [...entry.path, 'action']);
        }
      }
    }
    return groups;
  }

  private dutyItem(ctx: BuildContext, entry: Entry): DutyItem {
    const agency = entry.doc.id ?? '';
    const role = str(entry.value, 'role') ?? '';
    const roleEntry = ctx.rindex.set.roles.get(`${agency}/${role}`);
    return {
      key: `${agency}/${entry.id}`,
      action: ctx.clean(str(entry.value, 'action') ?? ''),
      role: ctx.clean(str(roleEntry?.value, 'title') ?? humanise(role)),
      agency: ctx.clean(ctx.agencyName(agency)),
      raci: ctx.t.code('raci', str(entry.value, 'raci')),
      within: formatWithin(own(entry.value, 'within'), ctx.t),
      source: 0,
    };
  }
}

function roleLabel(rindex: RenderIndex, ref: unknown): string {
  if (typeof ref !== 'string') return '';
  const role = rindex.set.roles.get(ref);
  const [agencyId = '', roleId = ref] = ref.split('/');
  const title = str(role?.value, 'title') ?? humanise(roleId);
  const agency = str(rindex.set.agencies.get(agencyId)?.value, 'name') ?? agencyId;
  return agency === '' ? title : `${title} (${agency})`;
}
