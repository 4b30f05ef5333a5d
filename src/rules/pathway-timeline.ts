import { latestTimes, pathwayStepsOf, type PathwayStep } from '../check/pathway-steps.js';
import { defineRule } from '../model/rule.js';
import { own } from '../util/data.js';
import { formatDuration } from '../util/duration.js';

/** A step whose latest time is earlier than that of a step that leads to it. */
export const pathwayTimeline = defineRule({
  id: 'pathway/timeline',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A step whose latest time is earlier than that of a step that leads to it',
  help: "A step's latest time is its `within` from the pathway's start, or from the latest time of its `after` step. A step cannot be due before the step that leads to it (through `next` or `after`) is due: lengthen the later step's `within`, or shorten the earlier one's.",
  messages: {
    earlier: 'Step `{{step}}` is due within {{latest}} of the start, before step `{{previous}}` ({{previousLatest}}), which leads to it: give `{{step}}` a `within` of at least {{previousLatest}}, or shorten `{{previous}}`',
  },
  examples: {
    invalid: `# pathways/adult-sexual-violence.md (excerpt): medical-care is due within 12 hours,
# but the step that leads to it may take 24
steps:
  - { id: first-contact, lead: national-police/first-responder, action: Ensure immediate safety., within: PT24H, next: [medical-care] }
  - { id: medical-care, lead: central-hospital/sexual-assault-nurse, action: Offer PEP and emergency contraception., within: PT12H }`,
    valid: `steps:
  - { id: first-contact, lead: national-police/first-responder, action: Ensure immediate safety., within: PT1H, next: [medical-care] }
  - { id: medical-care, lead: central-hospital/sexual-assault-nurse, action: Offer PEP and emergency contraception., within: PT12H }`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('pathway')) {
      const pathway = pathwayStepsOf(doc);
      const latest = latestTimes(pathway);
      // the steps that lead to each step, in step order
      const leadsTo = new Map<PathwayStep, PathwayStep[]>();
      const link = (from: PathwayStep, to: PathwayStep | undefined): void => {
        if (to === undefined || to === from) return;
        let list = leadsTo.get(to);
        if (list === undefined) leadsTo.set(to, (list = []));
        if (!list.includes(from)) list.push(from);
      };
      for (const step of pathway.steps) {
        for (const next of step.next) link(step, pathway.byId.get(next));
        if (step.after !== undefined) {
          const after = pathway.byId.get(step.after);
          if (after !== undefined) link(after, step);
        }
      }
      for (const step of pathway.steps) {
        const time = latest.get(step);
        const previous = leadsTo.get(step);
        if (time === undefined || previous === undefined) continue;
        // the steps that lead to it and are due later, the latest first
        const later: { p: PathwayStep; t: number }[] = [];
        for (const p of previous) {
          const t = latest.get(p);
          if (t !== undefined && t > time) later.push({ p, t });
        }
        later.sort((a, b) => b.t - a.t || a.p.index - b.p.index);
        const worst = later[0];
        if (worst === undefined) continue;
        report({
          doc,
          at: ['steps', step.index, 'within'],
          messageId: 'earlier',
          data: { step: step.id, latest: shown(step, time), previous: worst.p.id, previousLatest: shown(worst.p, worst.t) },
          related: later.map(({ p, t }) => ({ doc, at: ['steps', p.index, 'within'], message: `Step \`${p.id}\` leads to \`${step.id}\` and is due within ${shown(p, t)}` })),
        });
      }
    }
  },
});

/** A latest time as the author wrote it when it is the step's own `within`, else computed. */
function shown(step: PathwayStep, time: number): string {
  const written = own(step.value, 'within');
  return `\`${step.after === undefined && typeof written === 'string' ? written : formatDuration(time)}\``;
}
