import { asList, itemsOf, own, str } from '../util/data.js';
import type { BuildContext } from './build-handbook.js';
import { toDot, toMermaid, type Diagram } from './diagram.js';
import { formatWithin } from './duration.js';
import type { HandoverLink, HandoverView, PathwayView, StepView } from './handbook-model.js';
import type { Part } from './render-index.js';
import { humanise, slugOf } from './words.js';

/** The name of a step key `pathway/step`: its id in words ("First contact"). */
export function stepName(key: string): string {
  return humanise(key.slice(key.indexOf('/') + 1));
}

const PART_ORDER: readonly Part[] = ['lead', 'support', 'implements'];

/** Part 4: every pathway the profession takes part in, with its steps, handovers and diagram. */
export function buildPathways(ctx: BuildContext): PathwayView[] {
  const { rindex, t } = ctx;
  const mySteps = rindex.steps.get(ctx.profession) ?? new Map<string, Set<Part>>();
  const pathwayIds = new Set<string>();
  for (const key of mySteps.keys()) {
    const step = rindex.step(key);
    if (step?.doc.id !== undefined) pathwayIds.add(step.doc.id);
  }
  const out: PathwayView[] = [];
  for (const id of rindex.inSetOrder('pathway', pathwayIds)) {
    const entry = rindex.set.pathways.get(id);
    if (entry === undefined) continue;
    const n = rindex.pathwayNumber(id);
    const doc = entry.doc;
    const source = ctx.source(t.t('source.pathway', { id }), doc, ['title']);
    const steps = rindex.stepsOf(doc);
    const indexOf = new Map(steps.map((s, i) => [s.key, i]));
    const views: StepView[] = steps.map((s) => {
      const parts = mySteps.get(s.key);
      const leads = asList(own(s.value, 'lead')).filter((l): l is string => typeof l === 'string');
      return {
        id: s.key,
        name: stepName(s.key),
        action: ctx.clean(str(s.value, 'action') ?? ''),
        lead: leads.map((l) => ctx.roleLabel(l)).join('; '),
        support: asList(own(s.value, 'support')).filter((r): r is string => typeof r === 'string').map((r) => ctx.roleLabel(r)),
        timing: ctx.timing(id, s.value),
        mine: parts !== undefined,
        part: parts === undefined ? '' : t.list(PART_ORDER.filter((p) => parts.has(p)).map((p) => t.t(`part.${p}`))),
        source: ctx.source(t.t('source.step', { id: s.key }), doc, ['steps', s.index, 'action']),
      };
    });
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
      idPrefix: `pw${n}`,
      title: ctx.clean(str(entry.value, 'title') ?? id),
      steps: views.map((v, i) => ({
        id: v.id,
        name: v.name,
        lead: v.lead,
        timing: v.timing,
        classes: [...(rindex.professionsOfStep.get(steps[i]?.key ?? '') ?? [])]
          .map((p) => rindex.professionById.get(p)?.n)
          .filter((x): x is number => x !== undefined)
          .sort((a, b) => a - b)
          .map((x) => `pf${x}`),
      })),
      edges,
    };
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
      title: diagram.title,
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
      dot: toDot(diagram),
      mermaid: toMermaid(diagram, mine),
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
