import type { Path } from '../model/diagnostic.js';
import type { ProtocolDocument } from '../model/document.js';
import { asRecord, itemsOf, own, str } from '../util/data.js';

/** What a reference points at. */
export type Namespace =
  | 'agency'
  | 'role'
  | 'service'
  | 'step'
  | 'term'
  | 'legal'
  | 'profession'
  | 'body'
  | 'indicator'
  | 'action'
  | 'strategy'
  | 'barrier';

/** One reference written in a document's frontmatter. */
export interface Reference {
  doc: ProtocolDocument;
  path: Path;
  value: string;
  namespace: Namespace;
  /** For references local to a document: the prefix that makes them global (`agency-id`, `pathway-id`, `meeting-id`). */
  prefix?: string;
  /** Values that are allowed without resolving (`any` in accepts_from). */
  allow?: readonly string[];
}

type Emit = (path: Path, value: unknown, namespace: Namespace, extra?: Pick<Reference, 'prefix' | 'allow'>) => void;

function each(emit: Emit, record: Record<string, unknown> | undefined, base: Path, key: string, namespace: Namespace, extra?: Pick<Reference, 'prefix' | 'allow'>): void {
  const value = own(record, key);
  if (Array.isArray(value)) value.forEach((v, i) => emit([...base, key, i], v, namespace, extra));
  else if (value !== undefined) emit([...base, key], value, namespace, extra);
}

/** Every reference of a document's frontmatter, with its path and what it must resolve to. */
export function referencesOf(doc: ProtocolDocument): Reference[] {
  const out: Reference[] = [];
  const emit: Emit = (path, value, namespace, extra) => {
    if (typeof value !== 'string' || value === '') return;
    out.push(extra === undefined ? { doc, path, value, namespace } : { doc, path, value, namespace, ...extra });
  };
  const data = doc.data;
  const id = doc.id;
  switch (doc.kind) {
    case 'framework': {
      each(emit, data, [], 'principles', 'term');
      each(emit, data, [], 'forms_of_violence', 'term');
      const body = asRecord(own(data, 'coordinating_body'));
      emit(['coordinating_body', 'chair'], own(body, 'chair'), 'agency');
      emit(['coordinating_body', 'mandate'], own(body, 'mandate'), 'legal');
      each(emit, body, ['coordinating_body'], 'members', 'agency');
      for (const [item, i] of itemsOf(data, 'bodies')) {
        emit(['bodies', i, 'parent'], own(item, 'parent'), 'body');
        emit(['bodies', i, 'chair'], own(item, 'chair'), 'agency');
        each(emit, item, ['bodies', i], 'members', 'agency');
      }
      break;
    }
    case 'agency': {
      const local = id === undefined ? undefined : { prefix: id };
      for (const [item, i] of itemsOf(data, 'roles')) emit(['roles', i, 'profession'], own(item, 'profession'), 'profession');
      for (const [item, i] of itemsOf(data, 'services')) each(emit, item, ['services', i], 'accepts_from', 'agency', { allow: ['any'] });
      for (const [item, i] of itemsOf(data, 'responsibilities')) {
        if (local !== undefined) emit(['responsibilities', i, 'role'], own(item, 'role'), 'role', local);
        each(emit, item, ['responsibilities', i], 'step', 'step');
        each(emit, item, ['responsibilities', i], 'forms_of_violence', 'term');
        each(emit, item, ['responsibilities', i], 'addresses', 'strategy');
      }
      for (const [item, i] of itemsOf(data, 'referrals')) {
        emit(['referrals', i, 'to'], own(item, 'to'), 'service');
        if (local !== undefined) emit(['referrals', i, 'from_role'], own(item, 'from_role'), 'role', local);
        emit(['referrals', i, 'legal_basis'], own(item, 'legal_basis'), 'legal');
      }
      break;
    }
    case 'pathway': {
      const local = id === undefined ? undefined : { prefix: id };
      each(emit, data, [], 'forms_of_violence', 'term');
      if (local !== undefined) emit(['entry'], own(data, 'entry'), 'step', local);
      for (const [step, i] of itemsOf(data, 'steps')) {
        each(emit, step, ['steps', i], 'lead', 'role');
        each(emit, step, ['steps', i], 'support', 'role');
        if (local !== undefined) {
          emit(['steps', i, 'after'], own(step, 'after'), 'step', local);
          each(emit, step, ['steps', i], 'next', 'step', local);
        }
      }
      if (local !== undefined) for (const [w, i] of itemsOf(data, 'windows')) emit(['windows', i, 'step'], own(w, 'step'), 'step', local);
      break;
    }
    case 'plan': {
      for (const [item, i] of itemsOf(data, 'interventions')) {
        emit(['interventions', i, 'lead'], own(item, 'lead'), 'agency');
        each(emit, item, ['interventions', i], 'partners', 'agency');
        emit(['interventions', i, 'budget', 'funded_by'], own(asRecord(own(item, 'budget')), 'funded_by'), 'agency');
        each(emit, item, ['interventions', i], 'addresses', 'strategy');
        for (const [target, j] of itemsOf(item, 'targets')) emit(['interventions', i, 'targets', j, 'indicator'], own(target, 'indicator'), 'indicator');
      }
      break;
    }
    case 'meeting': {
      emit(['body'], own(data, 'body'), 'body');
      for (const [item, i] of itemsOf(data, 'attendees')) emit(['attendees', i, 'agency'], own(item, 'agency'), 'agency');
      for (const [item, i] of itemsOf(data, 'actions')) {
        emit(['actions', i, 'owner'], own(item, 'owner'), 'agency');
        emit(['actions', i, 'follows'], own(item, 'follows'), 'action');
        each(emit, item, ['actions', i], 'addresses', 'strategy');
      }
      for (const [item, i] of itemsOf(data, 'barriers')) emit(['barriers', i, 'action'], own(item, 'action'), 'action');
      if (id !== undefined) for (const [item, i] of itemsOf(data, 'case_reviews')) each(emit, item, ['case_reviews', i], 'barriers', 'barrier', { prefix: id });
      break;
    }
    case 'definitions':
      break;
  }
  return out;
}

/** The global key of a reference (`agency/role` for a local role id). */
export function referenceKey(reference: Reference): string {
  return reference.prefix === undefined ? reference.value : `${reference.prefix}/${reference.value}`;
}

/** Whether the document's `id` is usable as a prefix. */
export function documentId(doc: ProtocolDocument): string | undefined {
  return str(doc.data, 'id');
}
