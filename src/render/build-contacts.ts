import { asList, asRecord, own, str } from '../util/data.js';
import type { BuildContext } from './build-handbook.js';
import type { ContactView, ReferralView } from './handbook-model.js';

/** What the contacts are drawn from. */
export interface ContactInput {
  out: readonly ReferralView[];
  into: readonly ReferralView[];
}

/**
 * Part 8: every agency the profession refers to, receives from or hands over to in a pathway,
 * in set order. The address of an agency with `confidential_location: true` is never included.
 */
export function buildContacts(ctx: BuildContext, input: ContactInput): ContactView[] {
  const { rindex, t } = ctx;
  const relations = new Map<string, Set<string>>();
  const relate = (agency: string | undefined, relation: string): void => {
    if (agency === undefined || agency === '') return;
    let set = relations.get(agency);
    if (set === undefined) relations.set(agency, (set = new Set()));
    set.add(relation);
  };
  if (input.out.length > 0) for (const entry of rindex.referralsOut.get(ctx.profession) ?? []) relate(str(entry.value, 'to')?.split('/')[0], 'out');
  if (input.into.length > 0) for (const entry of rindex.referralsIn.get(ctx.profession) ?? []) relate(entry.doc.id, 'in');
  const ownAgencies = new Set((rindex.agencies.get(ctx.profession) ?? []).map((d) => d.id));
  for (const key of rindex.steps.get(ctx.profession)?.keys() ?? []) {
    const step = rindex.step(key);
    if (step === undefined) continue;
    const pathway = step.doc.id ?? '';
    const neighbours = [...(rindex.previous.get(key) ?? []), ...asList(own(step.value, 'next')).filter((n): n is string => typeof n === 'string').map((n) => `${pathway}/${n}`)];
    for (const neighbour of neighbours) {
      for (const lead of asList(own(rindex.step(neighbour)?.value, 'lead'))) {
        const agency = typeof lead === 'string' ? lead.split('/')[0] : undefined;
        if (agency !== undefined && !ownAgencies.has(agency)) relate(agency, 'handover');
      }
    }
  }
  const out: ContactView[] = [];
  for (const id of rindex.inSetOrder('agency', relations.keys())) {
    const kinds = relations.get(id);
    const entry = rindex.set.agencies.get(id);
    if (kinds === undefined || entry === undefined) continue;
    const contact = asRecord(own(entry.value, 'contact'));
    const confidential = own(entry.value, 'confidential_location') === true;
    out.push({
      id,
      name: ctx.clean(str(entry.value, 'name') ?? id),
      sector: t.code('sector', str(entry.value, 'sector')),
      urgent: ctx.clean(str(contact, 'urgent') ?? ''),
      hours: ctx.clean(str(contact, 'hours') ?? ''),
      email: ctx.clean(str(contact, 'email') ?? ''),
      address: confidential ? '' : ctx.clean(str(contact, 'address') ?? ''),
      confidential,
      notes: ctx.clean(str(contact, 'notes') ?? ''),
      relation: t.list(['out', 'in', 'handover'].filter((k) => kinds.has(k)).map((k) => t.t(`contact.relation.${k}`))),
      source: ctx.source(t.t('source.contact', { id }), entry.doc, contact === undefined ? ['name'] : ['contact']),
    });
  }
  return out;
}
