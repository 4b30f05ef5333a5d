import type { Nodes, Root } from 'mdast';
import type { Entry, SetIndex } from '../check/set-index.js';
import type { ProtocolDocument } from '../model/document.js';
import type { ParsedFileWithTree } from '../load/parse-file.js';
import { asList, asRecord, itemsOf, own, str } from '../util/data.js';
import { Redactor } from './redact.js';
import { TermMatcher } from './terms.js';

/** A `:::name` container directive node (remark-directive). */
export type ContainerDirective = Extract<Nodes, { type: 'containerDirective' }>;

/** A profession of the framework, with its position (used for diagram classes). */
export interface ProfessionInfo {
  id: string;
  title: string;
  /** Position in the framework's list: diagram nodes carry the class `pf<n>`. */
  n: number;
  entry: Entry;
}

/** An outermost `:::audience` container of a document. */
export interface AudienceHit {
  doc: ProtocolDocument;
  node: ContainerDirective;
  professions: readonly string[];
}

/** How a profession takes part in a step. */
export type Part = 'lead' | 'support' | 'implements';

/**
 * What handbooks look up, computed once per run from the set's index: per-profession lists of
 * roles, responsibilities, steps, referrals and audience containers, so that building a handbook
 * reads only what concerns its profession and never rescans the set.
 */
export class RenderIndex {
  readonly set: SetIndex;
  readonly framework: ProtocolDocument | undefined;
  readonly professions: ProfessionInfo[] = [];
  readonly professionById = new Map<string, ProfessionInfo>();
  readonly terms: TermMatcher;
  readonly redactor: Redactor;
  /** Role entries (`agency/role` keys) per profession, in set order. */
  readonly roles = new Map<string, { key: string; entry: Entry }[]>();
  /** The profession of each role key. */
  readonly professionOfRole = new Map<string, string>();
  /** Agencies with at least one role of the profession, in set order. */
  readonly agencies = new Map<string, ProtocolDocument[]>();
  /** Responsibilities of the profession's roles, in set order. */
  readonly responsibilities = new Map<string, Entry[]>();
  /** Step keys (`pathway/step`) the profession takes part in, with how. */
  readonly steps = new Map<string, Map<string, Set<Part>>>();
  /** Professions taking part in each step key. */
  readonly professionsOfStep = new Map<string, Set<string>>();
  /** Steps that lead to each step key (through `next`, or as its `after`). */
  readonly previous = new Map<string, string[]>();
  /** Referrals the profession makes (from one of its roles, or from its agency without `from_role`). */
  readonly referralsOut = new Map<string, Entry[]>();
  /** Referrals to services of the profession's agencies. */
  readonly referralsIn = new Map<string, Entry[]>();
  /** Outermost audience containers naming the profession, in set order. */
  readonly audiences = new Map<string, AudienceHit[]>();
  /** The loaded file (with its tree and cached YAML positions) of each document path. */
  readonly files = new Map<string, ParsedFileWithTree>();
  /** The position of each agency and pathway id in the set (file order), to sort a handbook's few without a scan. */
  private readonly order = new Map<string, number>();

  constructor(set: SetIndex, files: readonly ParsedFileWithTree[]) {
    this.set = set;
    this.framework = set.framework;
    for (const file of files) this.files.set(file.file, file);
    for (const [id, entry] of set.professions.first) {
      const info: ProfessionInfo = { id, title: str(entry.value, 'title') ?? id, n: this.professions.length, entry };
      this.professions.push(info);
      this.professionById.set(id, info);
    }
    for (const key of set.agencies.keys()) this.order.set(`agency\u0000${key}`, this.order.size);
    for (const key of set.pathways.keys()) this.order.set(`pathway\u0000${key}`, this.order.size);
    this.terms = new TermMatcher(set);
    const addresses: string[] = [];
    for (const agency of set.agencies.values()) {
      if (own(agency.value, 'confidential_location') !== true) continue;
      const address = str(asRecord(own(agency.value, 'contact')), 'address');
      if (address !== undefined) addresses.push(address);
    }
    this.redactor = new Redactor(addresses);
    this.indexRoles();
    this.indexSteps();
    this.indexReferrals();
    this.indexAudiences();
  }

  /** The tree of a document, when the loader kept it. */
  treeOf(doc: { file: string }): Root | undefined {
    return this.files.get(doc.file)?.tree;
  }

  private push<V>(map: Map<string, V[]>, key: string, value: V): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  }

  private indexRoles(): void {
    const agencySeen = new Set<string>();
    for (const [key, entry] of this.set.roles.first) {
      const profession = str(entry.value, 'profession');
      if (profession === undefined) continue;
      this.push(this.roles, profession, { key, entry });
      this.professionOfRole.set(key, profession);
      const agencyId = entry.doc.id ?? '';
      if (!agencySeen.has(`${profession}\u0000${agencyId}`)) {
        agencySeen.add(`${profession}\u0000${agencyId}`);
        this.push(this.agencies, profession, entry.doc);
      }
    }
    for (const entry of this.set.responsibilities.values()) {
      const role = str(entry.value, 'role');
      const profession = role === undefined ? undefined : this.professionOfRole.get(`${entry.doc.id ?? ''}/${role}`);
      if (profession === undefined) continue;
      this.push(this.responsibilities, profession, entry);
      for (const step of asList(own(entry.value, 'step'))) if (typeof step === 'string') this.markStep(profession, step, 'implements');
    }
  }

  private markStep(profession: string, stepKey: string, part: Part): void {
    let steps = this.steps.get(profession);
    if (steps === undefined) this.steps.set(profession, (steps = new Map()));
    let parts = steps.get(stepKey);
    if (parts === undefined) steps.set(stepKey, (parts = new Set()));
    parts.add(part);
    let professions = this.professionsOfStep.get(stepKey);
    if (professions === undefined) this.professionsOfStep.set(stepKey, (professions = new Set()));
    professions.add(profession);
  }

  private indexSteps(): void {
    for (const [key, entry] of this.set.steps.first) {
      const pathway = entry.doc.id ?? '';
      for (const lead of asList(own(entry.value, 'lead'))) {
        const profession = typeof lead === 'string' ? this.professionOfRole.get(lead) : undefined;
        if (profession !== undefined) this.markStep(profession, key, 'lead');
      }
      for (const support of asList(own(entry.value, 'support'))) {
        const profession = typeof support === 'string' ? this.professionOfRole.get(support) : undefined;
        if (profession !== undefined) this.markStep(profession, key, 'support');
      }
      for (const next of asList(own(entry.value, 'next'))) {
        if (typeof next === 'string') this.addPrevious(`${pathway}/${next}`, key);
      }
      const after = str(entry.value, 'after');
      if (after !== undefined) this.addPrevious(key, `${pathway}/${after}`);
    }
  }

  private addPrevious(step: string, previous: string): void {
    const list = this.previous.get(step);
    if (list === undefined) this.previous.set(step, [previous]);
    else if (!list.includes(previous)) list.push(previous);
  }

  private indexReferrals(): void {
    const professionsOfAgency = new Map<string, string[]>();
    for (const [profession, docs] of this.agencies) for (const doc of docs) this.push(professionsOfAgency, doc.id ?? '', profession);
    for (const entry of this.set.referrals.values()) {
      const agency = entry.doc.id ?? '';
      const fromRole = str(entry.value, 'from_role');
      const senders = fromRole === undefined ? (professionsOfAgency.get(agency) ?? []) : [this.professionOfRole.get(`${agency}/${fromRole}`)].filter((p): p is string => p !== undefined);
      for (const profession of senders) this.push(this.referralsOut, profession, entry);
      const to = str(entry.value, 'to');
      const target = to === undefined ? undefined : to.split('/')[0];
      for (const profession of target === undefined ? [] : (professionsOfAgency.get(target) ?? [])) this.push(this.referralsIn, profession, entry);
    }
  }

  /** Collects the outermost audience containers of every document in one walk per tree. */
  private indexAudiences(): void {
    for (const doc of this.set.documents) {
      const tree = this.treeOf(doc);
      if (tree === undefined) continue;
      const stack: Nodes[] = [...tree.children].reverse();
      while (stack.length > 0) {
        const node = stack.pop() as Nodes;
        if (node.type === 'containerDirective' && node.name === 'audience') {
          const professions = audienceProfessions(node);
          for (const profession of new Set(professions)) this.push(this.audiences, profession, { doc, node, professions });
          continue; // an inner container only shows where its outer one does
        }
        if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
      }
    }
  }

  /** Agency or pathway ids in set order (unknown ids last, by id). */
  inSetOrder(kind: 'agency' | 'pathway', ids: Iterable<string>): string[] {
    const rank = (id: string): number => this.order.get(`${kind}\u0000${id}`) ?? Number.MAX_SAFE_INTEGER;
    return [...ids].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The position of a pathway in the set (1-based; 0 when unknown), for diagram element ids. */
  pathwayNumber(id: string): number {
    const at = this.order.get(`pathway\u0000${id}`);
    return at === undefined ? 0 : at - this.set.agencies.size + 1;
  }

  /** The data of a step key, when it exists. */
  step(key: string): Entry | undefined {
    return this.set.steps.get(key);
  }

  /** The steps of a pathway document, in order, with their keys. */
  stepsOf(pathway: ProtocolDocument): { key: string; value: Record<string, unknown>; index: number }[] {
    return itemsOf(pathway.data, 'steps')
      .map(([value, index]) => ({ key: `${pathway.id ?? ''}/${str(value, 'id') ?? ''}`, value, index }))
      .filter((s) => !s.key.endsWith('/'));
  }
}

/** The profession ids of an audience container (`professions="a b"`, spaces or commas). */
export function audienceProfessions(node: ContainerDirective): string[] {
  return (node.attributes?.['professions'] ?? '').split(/[\s,]+/).filter((p) => p !== '');
}
