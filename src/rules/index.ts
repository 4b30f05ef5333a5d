import type { Rule } from '../model/rule.js';
import { ioRead, schemaKind, schemaShape, suppressionUnused, yamlSyntax } from './document-rules.js';
import { coverageStrategy } from './coverage-strategy.js';
import { definitionsAvoid } from './definitions-avoid.js';
import { definitionsRedefined } from './definitions-redefined.js';
import { registerRules } from './lookup.js';
import { meetingContinuity } from './meeting-continuity.js';
import { meetingNoReason } from './meeting-no-reason.js';
import { meetingOverdue } from './meeting-overdue.js';
import { meetingUnreviewedAction } from './meeting-unreviewed-action.js';
import { pathwayLead } from './pathway-lead.js';
import { pathwayTimeline } from './pathway-timeline.js';
import { pathwayUnimplemented } from './pathway-unimplemented.js';
import { pathwayUnreachable } from './pathway-unreachable.js';
import { pathwayWindow } from './pathway-window.js';
import { planHorizons } from './plan-horizons.js';
import { planIndicator } from './plan-indicator.js';
import { planUnbudgeted } from './plan-unbudgeted.js';
import { privacyPersonalData } from './privacy-personal-data.js';
import { refDuplicateId } from './ref-duplicate-id.js';
import { refUnknown } from './ref-unknown.js';
import { referralConsentConflict } from './referral-consent-conflict.js';
import { referralNoLegalBasis } from './referral-no-legal-basis.js';
import { referralNotAccepted } from './referral-not-accepted.js';
import { setFramework } from './set-framework.js';
import { timeframeConflict } from './timeframe-conflict.js';

/** Every rule of protokit, in the order of FORMAT.md §3 (the registry). */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  schemaKind,
  schemaShape,
  setFramework,
  refUnknown,
  refDuplicateId,
  referralNotAccepted,
  referralNoLegalBasis,
  referralConsentConflict,
  pathwayLead,
  pathwayUnreachable,
  pathwayUnimplemented,
  pathwayTimeline,
  pathwayWindow,
  timeframeConflict,
  definitionsRedefined,
  definitionsAvoid,
  planUnbudgeted,
  planHorizons,
  planIndicator,
  meetingUnreviewedAction,
  meetingNoReason,
  meetingOverdue,
  meetingContinuity,
  privacyPersonalData,
  coverageStrategy,
  // consistency rules (FORMAT.md §3) are registered below
  ioRead,
  suppressionUnused,
] as readonly Rule[];
registerRules(RULES);

/** The rules that `validate` runs: those of the per-document stage. */
export function validateRules(rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((rule) => rule.checkOnly !== true);
}

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
