import { pathwayStepsOf, type PathwayStep } from '../check/pathway-steps.js';
import { defineRule } from '../model/rule.js';
import { str } from '../util/data.js';

/** A pathway step that cannot be reached from the entry step. */
export const pathwayUnreachable = defineRule({
  id: 'pathway/unreachable',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A step that cannot be reached from the entry',
  help: 'A survivor enters a pathway at its `entry` step and moves on through `next` (a step with `after: S` also follows S). A step that no chain from the entry reaches is never taken: link it from the step before it, or remove it.',
  messages: {
    unreachable: 'Step `{{step}}` cannot be reached from the entry step `{{entry}}`: list it in the `next` of the step before it, or remove it',
  },
  examples: {
    invalid: `# pathways/adult-sexual-violence.md (excerpt): nothing leads to follow-up-support
entry: first-contact
steps:
  - { id: first-contact, lead: national-police/first-responder, action: Ensure immediate safety., next: [medical-care] }
  - { id: medical-care, lead: central-hospital/sexual-assault-nurse, action: Offer PEP and emergency contraception. }
  - { id: follow-up-support, lead: womens-helpline/counsellor, action: Offer counselling and safety planning. }`,
    valid: `entry: first-contact
steps:
  - { id: first-contact, lead: national-police/first-responder, action: Ensure immediate safety., next: [medical-care] }
  - { id: medical-care, lead: central-hospital/sexual-assault-nurse, action: Offer PEP and emergency contraception., next: [follow-up-support] }
  - { id: follow-up-support, lead: womens-helpline/counsellor, action: Offer counselling and safety planning. }`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('pathway')) {
      const entryId = str(doc.data, 'entry');
      if (entryId === undefined) continue;
      const pathway = pathwayStepsOf(doc);
      const entry = pathway.byId.get(entryId);
      if (entry === undefined) continue; // ref/unknown reports the entry
      // edges: S → each step in S's `next`, and S → each step with `after: S`
      const followers = new Map<string, PathwayStep[]>();
      for (const step of pathway.steps) {
        if (step.after === undefined) continue;
        let list = followers.get(step.after);
        if (list === undefined) followers.set(step.after, (list = []));
        list.push(step);
      }
      const reached = new Set<string>([entry.id]);
      const queue: PathwayStep[] = [entry];
      while (queue.length > 0) {
        const step = queue.pop() as PathwayStep;
        const targets = [...step.next.map((id) => pathway.byId.get(id)), ...(followers.get(step.id) ?? [])];
        for (const target of targets) {
          if (target === undefined || reached.has(target.id)) continue;
          reached.add(target.id);
          queue.push(target);
        }
      }
      for (const step of pathway.steps) {
        if (reached.has(step.id)) continue;
        report({ doc, at: ['steps', step.index, 'id'], messageId: 'unreachable', data: { step: step.id, entry: entryId } });
      }
    }
  },
});
