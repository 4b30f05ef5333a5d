import { defineRule } from '../model/rule.js';
import { itemsOf, own, str } from '../util/data.js';

/** A pathway step without exactly one lead role. */
export const pathwayLead = defineRule({
  id: 'pathway/lead',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A step without exactly one lead role',
  help: 'Every step of a pathway is led by exactly one role, so that one person is accountable for it; the other roles that take part belong in `support`.',
  messages: {
    missing: 'Step `{{step}}` has no lead role: name the one role that leads it in `lead`, as `agency-id/role-id`',
    many: 'Step `{{step}}` has {{count}} lead roles: keep `{{keep}}` as `lead` and move {{others}} to `support`',
  },
  examples: {
    invalid: `# pathways/adult-sexual-violence.md (excerpt)
steps:
  - id: first-contact
    lead: [national-police/first-responder, womens-helpline/counsellor]
    action: Ensure immediate safety; offer medical care and support.`,
    valid: `steps:
  - id: first-contact
    lead: national-police/first-responder
    support: [womens-helpline/counsellor]
    action: Ensure immediate safety; offer medical care and support.`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('pathway')) {
      for (const [step, i] of itemsOf(doc.data, 'steps')) {
        const id = str(step, 'id') ?? `#${i + 1}`;
        const lead = own(step, 'lead');
        if (lead === undefined || lead === null || (Array.isArray(lead) && lead.length === 0)) {
          const at = lead === undefined || lead === null ? (str(step, 'id') === undefined ? ['steps', i] : ['steps', i, 'id']) : ['steps', i, 'lead'];
          report({ doc, at, messageId: 'missing', data: { step: id } });
          continue;
        }
        if (!Array.isArray(lead) || lead.length === 1) continue;
        report({
          doc,
          at: ['steps', i, 'lead'],
          messageId: 'many',
          data: { step: id, count: lead.length, keep: String(lead[0]), others: lead.slice(1).map((role) => `\`${String(role)}\``).join(', ') },
        });
      }
    }
  },
});
