import type { Entry } from '../check/set-index.js';
import { asList, asRecord, own, str } from '../util/data.js';
import type { BuildContext } from './build-handbook.js';
import { formatWithin } from './duration.js';
import type { ReferralView } from './handbook-model.js';

/** Part 5: the referrals the profession makes and those its agencies receive. */
export function buildReferrals(ctx: BuildContext): { out: ReferralView[]; into: ReferralView[] } {
  const out = (ctx.rindex.referralsOut.get(ctx.profession) ?? []).map((entry) => referralView(ctx, entry));
  const into = (ctx.rindex.referralsIn.get(ctx.profession) ?? []).map((entry) => referralView(ctx, entry));
  return { out, into };
}

function referralView(ctx: BuildContext, entry: Entry): ReferralView {
  const { rindex, t } = ctx;
  const agency = entry.doc.id ?? '';
  const value = entry.value;
  const to = str(value, 'to') ?? '';
  const service = rindex.set.services.get(to);
  const [toAgency = ''] = to.split('/');
  const fromRole = str(value, 'from_role');
  const legalId = str(value, 'legal_basis');
  const legal = legalId === undefined ? undefined : rindex.set.legal.get(legalId);
  const legalTitle = str(legal?.value, 'title');
  const citation = str(legal?.value, 'citation');
  const feedback = asRecord(own(value, 'feedback'));
  return {
    key: `${agency}/${entry.id}`,
    fromAgency: ctx.clean(ctx.agencyName(agency)),
    fromRole: fromRole === undefined ? '' : ctx.clean(str(rindex.set.roles.get(`${agency}/${fromRole}`)?.value, 'title') ?? fromRole),
    toAgency: ctx.clean(ctx.agencyName(toAgency)),
    toService: ctx.clean(str(service?.value, 'name') ?? to),
    eligibility: ctx.clean(str(service?.value, 'eligibility') ?? ''),
    available: ctx.clean(str(service?.value, 'available') ?? ''),
    within: formatWithin(own(value, 'within'), t),
    consent: t.code('consent', str(value, 'consent')),
    shares: asList(own(value, 'shares'))
      .filter((s): s is string => typeof s === 'string')
      .map((s) => ctx.clean(s.replace(/[-_]+/g, ' '))),
    legalBasis: ctx.clean(legalTitle === undefined ? (legalId ?? '') : citation === undefined ? legalTitle : `${legalTitle} (${citation})`),
    feedback: formatWithin(own(feedback, 'within'), t),
    notes: ctx.clean(str(value, 'notes') ?? ''),
    source: ctx.source(t.t('source.referral', { id: `${agency}/${entry.id}` }), entry.doc, [...entry.path, 'to']),
  };
}
