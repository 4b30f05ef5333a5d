import type { RootContent } from 'mdast';
import type { Lang } from './i18n.js';

/**
 * A handbook as plain data, already written for people in the handbook's language (timeframes,
 * coded values, dates). Markdown and HTML are two views of the same model. Every field is present
 * (empty text or empty lists when the set has nothing), so that strict templates never miss one.
 */
export interface HandbookModel {
  lang: Lang;
  profession: { id: string; title: string; slug: string; cssClass: string };
  cover: CoverView;
  /** The profession's roles, across agencies (the cover's "your roles"). */
  roles: RoleView[];
  principles: PrincipleView[];
  duties: DutyGroup[];
  pathways: PathwayView[];
  referralsOut: ReferralView[];
  referralsIn: ReferralView[];
  prose: ProseSection[];
  glossary: GlossaryEntry[];
  contacts: ContactView[];
  sources: SourceEntry[];
  counts: { duties: number; pathways: number; referralsOut: number; referralsIn: number; terms: number; contacts: number };
}

/** A number into the sources list (1-based); 0 when an item has no known source. */
export type SourceNumber = number;

/** Part 1: what the handbook is. */
export interface CoverView {
  framework: string;
  jurisdiction: string;
  level: string;
  version: string;
  status: string;
  effective: string;
  reviewBy: string;
  coordinatingBody: string;
  source: SourceNumber;
}

/** One role of the profession. */
export interface RoleView {
  key: string;
  title: string;
  agency: string;
}

/** Part 2: a principle with its shared definition. */
export interface PrincipleView {
  id: string;
  term: string;
  definition: string;
  anchor: string;
  source: SourceNumber;
}

/** Part 3: the responsibilities of one pathway (or of none), step by step. */
export interface DutyGroup {
  /** Null for responsibilities that implement no pathway step. */
  pathway: { id: string; title: string; anchor: string } | null;
  anchor: string;
  steps: DutyStep[];
}

/** Responsibilities that implement one step (or, with `step: null`, no step). */
export interface DutyStep {
  step: { id: string; name: string; timing: string } | null;
  items: DutyItem[];
}

/** One checklist item: a responsibility of one of the profession's roles. */
export interface DutyItem {
  /** `agency-id/responsibility-id`. */
  key: string;
  action: string;
  role: string;
  agency: string;
  raci: string;
  within: string;
  source: SourceNumber;
}

/** Part 4: a pathway the profession takes part in. */
export interface PathwayView {
  id: string;
  title: string;
  anchor: string;
  forms: string[];
  steps: StepView[];
  /** The profession's own steps, each with what comes before and after. */
  handovers: HandoverView[];
  windows: WindowView[];
  /** Graphviz DOT of the pathway (for the HTML diagram). */
  dot: string;
  /** Mermaid flowchart of the pathway (for the Markdown diagram). */
  mermaid: string;
  source: SourceNumber;
}

/** One step of a pathway. */
export interface StepView {
  id: string;
  name: string;
  action: string;
  lead: string;
  support: string[];
  timing: string;
  /** True when one of the profession's roles leads or supports it, or implements it. */
  mine: boolean;
  /** How the profession takes part: lead, support, implements (labels), empty when not. */
  part: string;
  source: SourceNumber;
}

/** A step of the profession and its neighbours. */
export interface HandoverView {
  step: StepView;
  before: HandoverLink[];
  after: HandoverLink[];
}

/** The step before or after: who hands over, to whom, within what time. */
export interface HandoverLink {
  name: string;
  who: string;
  timing: string;
}

/** A clinical or legal window of a pathway. */
export interface WindowView {
  id: string;
  step: string;
  within: string;
  source: string;
}

/** Part 5: a referral made or received. */
export interface ReferralView {
  key: string;
  fromAgency: string;
  fromRole: string;
  toAgency: string;
  toService: string;
  eligibility: string;
  available: string;
  within: string;
  consent: string;
  shares: string[];
  legalBasis: string;
  feedback: string;
  notes: string;
  source: SourceNumber;
}

/** Part 6: prose of one document meant for the profession. */
export interface ProseSection {
  title: string;
  file: string;
  anchor: string;
  /** `agency` for the profession's own agencies' documents, `audience` for containers elsewhere. */
  kind: 'agency' | 'audience';
  blocks: ProseBlock[];
  source: SourceNumber;
}

/** A run of body nodes with one source line (a section, or one audience container). */
export interface ProseBlock {
  /** Cleaned mdast nodes, headings already shifted below the section's heading. */
  nodes: RootContent[];
  /** Cleaned for HTML (term uses as links to the glossary). */
  htmlNodes: RootContent[];
  /** Keys of the terms the block uses (for the glossary). */
  terms: readonly string[];
  source: SourceNumber;
}

/** Part 7: a term used in the handbook. */
export interface GlossaryEntry {
  key: string;
  term: string;
  definition: string;
  aliases: string[];
  avoid: string[];
  avoidExcept: string[];
  /** The legal instrument or citation the definition comes from. */
  origin: string;
  /** The agency that defines it, for agency terms; empty for shared ones. */
  agency: string;
  anchor: string;
  source: SourceNumber;
}

/** Part 8: how to reach an agency. */
export interface ContactView {
  id: string;
  name: string;
  sector: string;
  urgent: string;
  hours: string;
  email: string;
  /** Empty when the agency has none, or when its location is confidential. */
  address: string;
  confidential: boolean;
  notes: string;
  /** Why the agency is listed: referred to, receives from, hands over. */
  relation: string;
  source: SourceNumber;
}

/** Part 9: where an item comes from. */
export interface SourceEntry {
  n: number;
  label: string;
  file: string;
  line: number;
  anchor: string;
}
