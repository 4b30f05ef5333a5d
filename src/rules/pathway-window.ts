import { latestTimes, pathwayStepsOf } from '../check/pathway-steps.js';
import { defineRule } from '../model/rule.js';
import { itemsOf, own, str } from '../util/data.js';
import { formatDuration, parseDuration } from '../util/duration.js';

/** A step whose latest time is later than a window the pathway declares for it. */
export const pathwayWindow = defineRule({
  id: 'pathway/window',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A step whose latest time is later than a window the pathway declares for it (e.g. medical care after the 72-hour PEP window)',
  help: "Clinical and legal windows (post-exposure prophylaxis within 72 hours, emergency contraception within 120 hours) are counted from the pathway's start. The step a window concerns must be due within it: shorten the step's `within` (or those of the steps it counts from).",
  messages: {
    late: 'Step `{{step}}` is due within {{latest}} of the start, later than the window `{{window}}` ({{within}}{{source}}): shorten its `within` so that it is done within {{within}}',
  },
  examples: {
    invalid: `# pathways/adult-sexual-violence.md (excerpt): medical-care is due within 24 hours
# plus 3 days, after the 72-hour PEP window
steps:
  - { id: first-contact, lead: national-police/first-responder, action: Ensure immediate safety., within: PT24H, next: [medical-care] }
  - { id: medical-care, lead: central-hospital/sexual-assault-nurse, action: Offer PEP and emergency contraception., after: first-contact, within: P3D }
windows:
  - { id: pep, step: medical-care, within: PT72H, source: "WHO 2013: HIV post-exposure prophylaxis within 72 hours" }`,
    valid: `steps:
  - { id: first-contact, lead: national-police/first-responder, action: Ensure immediate safety., within: PT1H, next: [medical-care] }
  - { id: medical-care, lead: central-hospital/sexual-assault-nurse, action: Offer PEP and emergency contraception., after: first-contact, within: PT12H }
windows:
  - { id: pep, step: medical-care, within: PT72H, source: "WHO 2013: HIV post-exposure prophylaxis within 72 hours" }`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('pathway')) {
      const windows = itemsOf(doc.data, 'windows');
      if (windows.length === 0) continue;
      const pathway = pathwayStepsOf(doc);
      const latest = latestTimes(pathway);
      for (const [window, i] of windows) {
        const stepId = str(window, 'step');
        const limit = parseDuration(own(window, 'within'));
        const step = stepId === undefined ? undefined : pathway.byId.get(stepId);
        const time = step === undefined ? undefined : latest.get(step);
        if (step === undefined || time === undefined || limit === undefined || time <= limit) continue;
        const written = own(step.value, 'within');
        const source = str(window, 'source');
        report({
          doc,
          at: ['steps', step.index, 'within'],
          messageId: 'late',
          data: {
            step: step.id,
            latest: `\`${step.after === undefined && typeof written === 'string' ? written : formatDuration(time)}\``,
            window: str(window, 'id') ?? `#${i + 1}`,
            within: `\`${String(own(window, 'within'))}\``,
            source: source === undefined ? '' : `: ${source}`,
          },
          related: [{ doc, at: ['windows', i, 'within'], message: `The window that step \`${step.id}\` must meet` }],
        });
      }
    }
  },
});
