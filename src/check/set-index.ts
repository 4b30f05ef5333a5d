import { compareStrings, type Path } from '../model/diagnostic.js';
import type { Kind, ProtocolDocument } from '../model/document.js';
import { asRecord, itemsOf, own, str } from '../util/data.js';

/** Something defined in the set: the document, its frontmatter path, and its data. */
export interface Entry {
  doc: ProtocolDocument;
  path: Path;
  value: Record<string, unknown>;
  /** The id as written (for items, the local id; for references, the full `a/b` key is the map key). */
  id: string;
}

/** A map from id to the first definition, plus every later definition (duplicates). */
export class Registry {
  readonly first = new Map<string, Entry>();
  /** Later definitions of a key already defined, with that key. */
  readonly duplicates: { key: string; entry: Entry }[] = [];

  add(entry: Entry, key = entry.id): void {
    if (this.first.has(key)) this.duplicates.push({ key, entry });
    else this.first.set(key, entry);
  }

  get(key: string): Entry | undefined {
    return this.first.get(key);
  }

  has(key: string): boolean {
    return this.first.has(key);
  }

  keys(): IterableIterator<string> {
    return this.first.keys();
  }

  values(): IterableIterator<Entry> {
    return this.first.values();
  }

  get size(): number {
    return this.first.size;
  }
}

/**
 * Everything a set defines, built once per run so that every rule looks ids up in constant time.
 * Maps (never plain objects) hold ids, so `__proto__` or `constructor` are ordinary keys.
 */
export class SetIndex {
  readonly documents: readonly ProtocolDocument[];
  readonly byKind = new Map<Kind, ProtocolDocument[]>();
  /** Documents by kind and id (`agency` → `national-police`). */
  readonly documentIds = new Map<Kind, Registry>();
  readonly frameworks: ProtocolDocument[] = [];
  readonly agencies = new Registry();
  /** `agency-id/role-id` → role. */
  readonly roles = new Registry();
  /** `agency-id/service-id` → service. */
  readonly services = new Registry();
  /** `agency-id/responsibility-id` → responsibility. */
  readonly responsibilities = new Registry();
  /** `agency-id/referral-id` → referral. */
  readonly referrals = new Registry();
  readonly pathways = new Registry();
  /** `pathway-id/step-id` → step. */
  readonly steps = new Registry();
  /** Terms of the shared definitions documents. */
  readonly terms = new Registry();
  /** Terms that agencies define for themselves, `agency-id/term-id`. */
  readonly agencyTerms = new Registry();
  /** Legal instruments of the framework. */
  readonly legal = new Registry();
  readonly professions = new Registry();
  /** The coordinating body and the framework's other bodies. */
  readonly bodies = new Registry();
  readonly interventions = new Registry();
  readonly indicators = new Registry();
  readonly targets = new Registry();
  readonly evaluations = new Registry();
  /** Meeting actions, by action id, across all meetings. */
  readonly actions = new Registry();
  /** Barriers, `meeting-id/barrier-id`. */
  readonly barriers = new Registry();
  /** Meetings in date order, per body id (only those with a `YYYY-MM-DD` date). */
  readonly meetingsByBody = new Map<string, ProtocolDocument[]>();

  constructor(documents: readonly ProtocolDocument[]) {
    this.documents = documents;
    for (const doc of documents) {
      let list = this.byKind.get(doc.kind);
      if (list === undefined) this.byKind.set(doc.kind, (list = []));
      list.push(doc);
      let ids = this.documentIds.get(doc.kind);
      if (ids === undefined) this.documentIds.set(doc.kind, (ids = new Registry()));
      if (doc.id !== undefined) ids.add({ doc, path: ['id'], value: doc.data, id: doc.id });
      this.addDocument(doc);
    }
    for (const meetings of this.meetingsByBody.values()) {
      meetings.sort((a, b) => compareStrings(str(a.data, 'date') ?? '', str(b.data, 'date') ?? '') || compareStrings(a.file, b.file));
    }
  }

  /** The framework the set is read with: the only one, or the adopted one of several (see primaryFramework). */
  get framework(): ProtocolDocument | undefined {
    if (this.primary === null) this.primary = primaryFramework(this.frameworks);
    return this.primary;
  }

  private primary: ProtocolDocument | undefined | null = null;

  /** Documents of one kind, in file order. */
  ofKind(kind: Kind): readonly ProtocolDocument[] {
    return this.byKind.get(kind) ?? [];
  }

  private addItems(doc: ProtocolDocument, registry: Registry, key: string, prefix: string | undefined, parent: Path = []): void {
    const container = parent.length === 0 ? doc.data : asRecord(getIn(doc.data, parent));
    for (const [value, index] of itemsOf(container, key)) {
      const id = str(value, 'id');
      if (id === undefined) continue;
      registry.add({ doc, path: [...parent, key, index], value, id }, prefix === undefined ? id : `${prefix}/${id}`);
    }
  }

  private addDocument(doc: ProtocolDocument): void {
    const data = doc.data;
    const id = doc.id;
    switch (doc.kind) {
      case 'framework': {
        this.frameworks.push(doc);
        this.addItems(doc, this.legal, 'legal_basis', undefined);
        this.addItems(doc, this.professions, 'professions', undefined);
        const body = asRecord(own(data, 'coordinating_body'));
        const bodyId = str(body, 'id');
        if (body !== undefined && bodyId !== undefined) this.bodies.add({ doc, path: ['coordinating_body'], value: body, id: bodyId });
        this.addItems(doc, this.bodies, 'bodies', undefined);
        break;
      }
      case 'definitions':
        this.addItems(doc, this.terms, 'terms', undefined);
        break;
      case 'agency':
        if (id === undefined) break;
        this.agencies.add({ doc, path: ['id'], value: data, id });
        this.addItems(doc, this.roles, 'roles', id);
        this.addItems(doc, this.services, 'services', id);
        this.addItems(doc, this.responsibilities, 'responsibilities', id);
        this.addItems(doc, this.referrals, 'referrals', id);
        this.addItems(doc, this.agencyTerms, 'terms', id);
        break;
      case 'pathway':
        if (id === undefined) break;
        this.pathways.add({ doc, path: ['id'], value: data, id });
        this.addItems(doc, this.steps, 'steps', id);
        break;
      case 'plan':
        this.addItems(doc, this.interventions, 'interventions', undefined);
        this.addItems(doc, this.indicators, 'indicators', undefined);
        this.addItems(doc, this.evaluations, 'evaluations', undefined);
        for (const [intervention, index] of itemsOf(data, 'interventions')) {
          void intervention;
          this.addItems(doc, this.targets, 'targets', undefined, ['interventions', index]);
        }
        break;
      case 'meeting': {
        this.addItems(doc, this.actions, 'actions', undefined);
        if (id !== undefined) this.addItems(doc, this.barriers, 'barriers', id);
        const body = str(data, 'body');
        // a meeting without a calendar date cannot be ordered (schema/shape reports the date)
        if (body !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(str(data, 'date') ?? '')) {
          let list = this.meetingsByBody.get(body);
          if (list === undefined) this.meetingsByBody.set(body, (list = []));
          list.push(doc);
        }
        break;
      }
    }
  }
}

/** The value at a frontmatter path in plain data. */
export function getIn(data: unknown, path: Path): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/**
 * The framework a set is read with when it holds several: the first (by path) whose status is
 * `adopted`, else the first by path. The others are the `set/framework` findings.
 */
export function primaryFramework(frameworks: readonly ProtocolDocument[]): ProtocolDocument | undefined {
  const byPath = [...frameworks].sort((a, b) => compareStrings(a.file, b.file));
  return byPath.find((doc) => str(doc.data, 'status') === 'adopted') ?? byPath[0];
}
