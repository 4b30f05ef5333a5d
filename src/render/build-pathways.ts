import { asList, itemsOf, own, str } from '../util/data.js';
import type { BuildContext } from './build-handbook.js';
import { toDot, toMermaid, type Diagram } from './diagram.js';
import { formatWithin } from './duration.js';
import type { HandoverLink, HandoverView, PathwayView, StepView } from './handbook-model.js';
import type { Part, RenderIndex } from './render-index.js';
import { humanise, slugOf } from './words.js';

/** The name of a step key `pathway/step`: its id in words ("First contact"). */
export function stepName(key: string): string {
  return humanise(key.slice(key.indexOf('/') + 1));
}

const PART_ORDER: readonly Part[] = ['lead', 'support', 'implements'];

/** The pathways a profession takes part in (leads, supports or implements a step of), in the set's order. */
export function pathwaysOf(rindex: RenderIndex, profession: string): string[] {
  const mySteps = rindex.steps.get(profession) ?? new Map<string, Set<Part>>();
  const pathwayIds = new Set<string>();
  for (const key of mySteps.keys()) {
    const step = rindex.step(key);
    if (step?.doc.id !== undefined) pathwayIds.add(step.doc.id);
  }
  return rindex.inSetOrder('pathway', pathwayIds);
}

/** What a pathway's diagram is built from: the run's shared state (nothing of a profession). */
export type DiagramContext = Pick<BuildContext, 'rindex' | 'clean' | 'roleLabel' | 'timing' | 'diagrams'>;

/** A pathway's diagram: as Graphviz DOT, and the label of its SVG. */
export interface PathwayDiagram {
  diagram: Diagram;
  dot: string;
  title: string;
}

/** The lead roles of a step, as labels. */
function leadsOf(ctx: Pick<BuildContext, 'roleLabel'>, step: Record<string, unknown>): string {
  return asList(own(step, 'lead'))
    .filter((l): l is string => typeof l === 'string')
    .map((l) => ctx.roleLabel(l))
    .join('; ');
}

/**
 * The diagram of a pathway, the same in every handbook (each step's node has the classes of all
 * professions taking part; the reader's own steps are marked by the page's style, and only the
 * Mermaid text marks them itself): built once per run and kept in `ctx.diagrams`, so that the
 * diagrams of a run can be laid out before its handbooks are written (render.ts).
 */
export function pathwayDiagram(ctx: DiagramContext, id: string): PathwayDiagram | undefined {
  const known = ctx.diagrams.get(id);
  if (known !== undefined) return known;
  const { rindex } = ctx;
  const entry = rindex.set.pathways.get(id);
  if (entry === undefined) return undefined;
  const steps = rindex.stepsOf(entry.doc);
  const indexOf = new Map(steps.map((s, i) => [s.key, i]));
  const edges: Diagram['edges'] = [];
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    for (const next of asList(own(s.value, 'next'))) {
      const to = typeof next === 'string' ? indexOf.get(`${id}/${next}`) : undefined;
      if (to === undefined || seen.has(`${i}>${to}`)) continue;
      seen.add(`${i}>${to}`);
      edges.push({ from: i, to, dashed: false });
    }
  });
  steps.forEach((s, i) => {
    const after = str(s.value, 'after');
    const from = after === undefined ? undefined : indexOf.get(`${id}/${after}`);
    if (from === undefined || seen.has(`${from}>${i}`)) return;
    seen.add(`${from}>${i}`);
    edges.push({ from, to: i, dashed: true });
  });
  const diagram: Diagram = {
    idPrefix: `pw${rindex.pathwayNumber(id)}`,
    title: ctx.clean(str(entry.value, 'title') ?? id),
    steps: steps.map((s) => ({
      id: s.key,
      name: stepName(s.key),
      lead: leadsOf(ctx, s.value),
      timing: ctx.timing(id, s.value),
      classes: [...(rindex.professionsOfStep.get(s.key) ?? [])]
        .map((p) => rindex.professionById.get(p)?.n)
        .filter((x): x is number => x !== undefined)
        .sort((a, b) => a - b)
        .map((x) => `pf${x}`),
    })),
    edges,
  };
  const made: PathwayDiagram = { diagram, dot: toDot(diagram), title: diagram.title };
  ctx.diagrams.set(id, made);
  return made;
}

/** Part 4: every pathway the profession takes part in, with its steps, handovers and diagram. */
export function buildPathways(ctx: BuildContext): PathwayView[] {
  const { rindex, t } = ctx;
  const mySteps = rindex.steps.get(ctx.profession) ?? new Map<string, Set<Part>>();
  const out: PathwayView[] = [];
  for (const id of pathwaysOf(rindex, ctx.profession)) {
    const entry = rindex.set.pathways.get(id);
    const made = pathwayDiagram(ctx, id);
    if (entry === undefined || made === undefined) continue;
    const doc = entry.doc;
    const source = ctx.source(t.t('source.pathway', { id }), doc, ['title']);
    const steps = rindex.stepsOf(doc);
    const views: StepView[] = steps.map((s) => {
      const parts = mySteps.get(s.key);
      return {
        id: s.key,
        name: stepName(s.key),
        action: ctx.clean(str(s.value, 'action') ?? ''),
        lead: leadsOf(ctx, s.value),
        support: asList(own(s.value, 'support')).filter((r): r is string => typeof r === 'string').map((r) => ctx.roleLabel(r)),
        timing: ctx.timing(id, s.value),
        mine: parts !== undefined,
        part: parts === undefined ? '' : t.list(PART_ORDER.filter((p) => parts.has(p)).map((p) => t.t(`part.${p}`))),
        source: ctx.source(t.t('source.step', { id: s.key }), doc, ['steps', s.index, 'action']),
      };
    });
    const mine = new Set(views.flatMap((v, i) => (v.mine ? [i] : [])));
    const handovers: HandoverView[] = views.flatMap((view, i) => {
      if (!view.mine) return [];
      const key = steps[i]?.key ?? '';
      const before = (rindex.previous.get(key) ?? []).map((k) => link(ctx, id, k));
      const after = asList(own(steps[i]?.value, 'next'))
        .filter((x): x is string => typeof x === 'string')
        .map((next) => link(ctx, id, `${id}/${next}`));
      return [{ step: view, before, after }];
    });
    out.push({
      id,
      title: made.title,
      anchor: `pathway-${slugOf(id)}`,
      forms: asList(own(entry.value, 'forms_of_violence')).filter((f): f is string => typeof f === 'string').map((f) => ctx.clean(ctx.termWords(f))),
      steps: views,
      handovers,
      windows: itemsOf(entry.value, 'windows').map(([w]) => ({
        id: str(w, 'id') ?? '',
        step: stepName(`${id}/${str(w, 'step') ?? ''}`),
        within: formatWithin(own(w, 'within'), t),
        source: ctx.clean(str(w, 'source') ?? ''),
      })),
      dot: made.dot,
      mermaid: toMermaid(made.diagram, mine),
      source,
    });
  }
  return out;
}

function link(ctx: BuildContext, pathway: string, key: string): HandoverLink {
  const step = ctx.rindex.step(key);
  const leads = asList(own(step?.value, 'lead')).filter((l): l is string => typeof l === 'string');
  return {
    name: stepName(key),
    who: leads.map((l) => ctx.roleLabel(l)).join('; '),
    timing: step === undefined ? '' : ctx.timing(pathway, step.value),
  };
}
