import { defineRule } from '../model/rule.js';
import { itemsOf, own, str } from '../util/data.js';
import { isoDate } from '../util/dates.js';
import { asHorizon, HORIZONS, horizonOfDate, horizonOfTarget, periodOf, type Horizon, type Period } from '../util/horizons.js';
import { code, joinWords } from '../util/words.js';

/** The dates a horizon spans, in words. */
function span(horizon: Horizon, period: Period): string {
  if (horizon === 'short') return `${period.start} to ${period.shortEnd}`;
  if (horizon === 'medium') return `after ${period.shortEnd}, by ${period.mediumEnd}`;
  return `after ${period.mediumEnd}, by ${period.end}`;
}

/** Targets that do not cover short, medium and long horizons, or a `due` outside its horizon. */
export const planHorizons = defineRule({
  id: 'plan/horizons',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: 'Targets that do not cover short, medium and long horizons, or a `due` outside its horizon',
  help:
    'Realistic plans set short, medium and long-term targets. Horizons count from `period.start`: short ends one year after it, ' +
    'medium three years after it, long runs to `period.end`; each band starts the day after the previous one ends, and every `due` ' +
    'lies within the period. A target without `horizon` counts for the horizon its `due` falls in. ' +
    "A plan whose targets miss a horizon is reported at its `interventions` key (at its `id` when it has none); a target whose `due` " +
    'lies outside its horizon or outside the period is reported at that `due`.',
  messages: {
    uncovered: 'The targets of plan `{{plan}}` cover no {{missing}} horizon: add a target with `horizon: {{first}}` to an intervention',
    wrongHorizon: 'Target `{{id}}` is due {{due}}, outside its {{horizon}} horizon ({{span}}): move `due` into it, or set `horizon: {{actual}}`',
    outsidePeriod: 'Target `{{id}}` is due {{due}}, outside the plan period ({{start}} to {{end}}): move `due` into the period',
  },
  examples: {
    invalid: `kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    targets:
      - { id: sart-50, horizon: short, due: 2028-06-30, indicator: sart-coverage }`,
    valid: `kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    targets:
      - { id: sart-25, horizon: short, due: 2026-12-31, indicator: sart-coverage }
      - { id: sart-50, horizon: medium, due: 2028-06-30, indicator: sart-coverage }
      - { id: sart-90, horizon: long, due: 2030-12-31, indicator: sart-coverage }`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('plan')) {
      const period = periodOf(doc.data);
      const covered = new Set<Horizon>();
      for (const [intervention, i] of itemsOf(doc.data, 'interventions')) {
        for (const [target, j] of itemsOf(intervention, 'targets')) {
          const horizon = horizonOfTarget(target, period);
          if (horizon !== undefined) covered.add(horizon);
          const due = isoDate(str(target, 'due'));
          if (due === undefined || period === undefined) continue;
          const id = str(target, 'id') ?? `#${j + 1}`;
          const at = ['interventions', i, 'targets', j, 'due'];
          const actual = horizonOfDate(due, period);
          const declared = asHorizon(own(target, 'horizon'));
          if (actual === 'outside') {
            report({ doc, at, messageId: 'outsidePeriod', data: { id, due, start: period.start, end: period.end } });
          } else if (declared !== undefined && declared !== actual) {
            report({ doc, at, messageId: 'wrongHorizon', data: { id, due, horizon: declared, span: span(declared, period), actual } });
          }
        }
      }
      const missing = HORIZONS.filter((h) => !covered.has(h));
      if (missing.length === 0) continue;
      const at = own(doc.data, 'interventions') === undefined ? ['id'] : { path: ['interventions'], target: 'key' as const };
      report({ doc, at, messageId: 'uncovered', data: { plan: doc.id ?? doc.file, missing: joinWords(code(missing), 'or'), first: missing[0] ?? 'short' } });
    }
  },
});
