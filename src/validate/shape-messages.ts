import type { ErrorObject } from 'ajv';
import { nearest } from '../util/suggest.js';

/** How to write a value of a `$defs` entry, after "write", with an example. */
const EXPECTED_BY_DEF: Record<string, string> = {
  id: 'lowercase letters and digits joined by single hyphens, such as `national-police`',
  roleRef: '`agency-id/role-id`, such as `national-police/first-responder`',
  serviceRef: '`agency-id/service-id`, such as `central-hospital/forensic-examination`',
  stepRef: '`pathway-id/step-id`, such as `adult-sexual-violence/medical-care`',
  duration: 'an ISO 8601 duration such as `PT1H` (1 hour), `PT72H` (72 hours), `P3D` (3 days), `P2W` (2 weeks) or `P3M` (3 months), or `immediate`',
  date: 'it as `YYYY-MM-DD`, such as `2027-06-30`',
  currency: 'a three-letter ISO 4217 code in capitals, such as `USD` or `EUR`',
};

/** What a `$defs` entry is called, for "`x` is not …" messages. */
const NOUN_BY_DEF: Record<string, string> = {
  id: 'an id',
  roleRef: 'a role reference',
  serviceRef: 'a service reference',
  stepRef: 'a step reference',
  duration: 'a duration',
  date: 'a date',
  currency: 'a currency code',
};

/** The pattern of ids (FORMAT.md §1), also written inline in some alternatives. */
const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** The `$defs` name an error's schema path went through last, if any. */
function defName(schemaPath: string): string | undefined {
  const match = /#\/\$defs\/([^/]+)(?:\/(?!\$defs)[^/]+)*$/.exec(schemaPath) ?? /\$defs\/([^/]+)/.exec(schemaPath);
  return match?.[1];
}

function show(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

/** Upper-cases the first letter of a message. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function typeWords(type: unknown): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: '`true` or `false`',
    array: 'a list',
    object: 'a mapping of keys to values',
    null: 'nothing',
  };
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => names[String(t)] ?? String(t)).join(' or ');
}

function unescape(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The last key of an instance path, for messages ("in `steps`"). */
function where(instancePath: string): string {
  const parts = instancePath.split('/').slice(1);
  const last = [...parts].reverse().find((p) => !/^\d+$/.test(p));
  return last === undefined ? 'the frontmatter' : `\`${unescape(last)}\``;
}

/** The mapping an error concerns: `coordinating_body`, "`steps` item `a`", or "item 2 of `professions`". */
function owner(instancePath: string, data: unknown): string {
  const parts = instancePath.split('/').slice(1).map(unescape);
  const last = parts[parts.length - 1];
  if (last === undefined) return 'the frontmatter';
  if (!/^\d+$/.test(last)) return `\`${last}\``;
  const list = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? 'the list';
  const id = data !== null && typeof data === 'object' && Object.hasOwn(data, 'id') ? (data as Record<string, unknown>)['id'] : undefined;
  if (typeof id === 'string' && id !== '') return `\`${list}\` item \`${id}\``;
  return `item ${Number(last) + 1} of \`${list}\``;
}

/** The schema's own description as an instruction ("write a two-letter language code, …"). */
function describedAs(parent: Record<string, unknown>): string | undefined {
  const description = parent['description'];
  if (typeof description !== 'string' || description === '') return undefined;
  return `write ${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, '')}`;
}

const UNITS: [RegExp, (n: string) => string][] = [
  [/^(?:s|secs?|seconds?)$/, (n) => `PT${n}S`],
  [/^(?:m|mins?|minutes?)$/, (n) => `PT${n}M`],
  [/^(?:h|hrs?|hours?)$/, (n) => `PT${n}H`],
  [/^(?:d|days?)$/, (n) => `P${n}D`],
  [/^(?:w|wks?|weeks?)$/, (n) => `P${n}W`],
  [/^(?:months?)$/, (n) => `P${n}M`],
  [/^(?:y|yrs?|years?)$/, (n) => `P${n}Y`],
];

/** `PT72H` for "72 hours", when a duration written in words is simple enough to convert. */
function durationFor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+)\s*([a-z]+)$/i.exec(value.trim());
  if (match === null) return /^pt?\d+[a-z]$/i.test(value.trim()) ? value.trim().toUpperCase() : undefined;
  const unit = (match[2] as string).toLowerCase();
  const found = UNITS.find(([pattern]) => pattern.test(unit));
  return found?.[1](String(Number(match[1])));
}

/** The nearest allowed value, as "did you mean `x`? " (with the trailing space), or nothing. */
function hintAmong(value: unknown, allowed: readonly unknown[]): string {
  if (typeof value !== 'string') return '';
  const strings = allowed.map(String);
  const lower = strings.find((a) => a.toLowerCase() === value.toLowerCase());
  const prefixed = strings.filter((a) => value.length >= 3 && a.startsWith(value.toLowerCase()));
  const best = lower ?? nearest(value, strings) ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  return best === undefined ? '' : `did you mean \`${best}\`? `;
}

/** `national-police` for "National Police", when the text can be turned into an id. */
function idFor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id === '' || id === value ? undefined : id;
}

/** A message for a value that does not have the form of a `$defs` entry (or of the schema's pattern). */
function formMessage(error: ErrorObject, parent: Record<string, unknown>): string {
  const params = error.params as Record<string, unknown>;
  const def = params['pattern'] === ID_PATTERN ? 'id' : defName(error.schemaPath);
  const expected = def !== undefined ? EXPECTED_BY_DEF[def] : undefined;
  const noun = def !== undefined ? NOUN_BY_DEF[def] : undefined;
  const value = sentence(show(error.data));
  if (expected !== undefined && noun !== undefined) {
    const converted = def === 'duration' ? durationFor(error.data) : def === 'id' ? idFor(error.data) : def === 'currency' && typeof error.data === 'string' && /^[a-z]{3}$/.test(error.data) ? error.data.toUpperCase() : undefined;
    if (converted !== undefined) return `${value} is not ${noun}: write \`${converted}\`${def === 'id' ? ` (${expected.replace(/, such as .*$/, '')})` : def === 'duration' ? ' (ISO 8601)' : ''}`;
    return `${value} is not ${noun}: write ${expected}`;
  }
  const described = describedAs(parent);
  if (described !== undefined) return `${value} is not a valid value for ${where(error.instancePath)}: ${described}`;
  return `${value} is not in the expected form for ${where(error.instancePath)} (pattern ${String(params['pattern'] ?? params['format'])})`;
}

/** A message a policy writer understands for one ajv error: what is wrong and what to write. */
export function shapeMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const key = String(params['missingProperty']);
      const inside = owner(error.instancePath, error.data);
      return inside === 'the frontmatter' ? `Missing required key \`${key}\`: add \`${key}:\` to the frontmatter` : `Missing required key \`${key}\` in ${inside}: add it`;
    }
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const known = Object.keys((parent['properties'] ?? {}) as Record<string, unknown>);
      const best = nearest(key, known) ?? known.find((k) => k.toLowerCase() === key.toLowerCase());
      const inside = error.instancePath === '' ? '' : ` in ${owner(error.instancePath, error.data)}`;
      return best === undefined
        ? `Unknown key \`${key}\`${inside}: remove it, or rename it \`x-${key}\` to keep it as an extension`
        : `Unknown key \`${key}\`${inside}: did you mean \`${best}\`? Otherwise remove it, or rename it \`x-${key}\` to keep it as an extension`;
    }
    case 'enum': {
      const allowed = params['allowedValues'] as unknown[];
      const hint = hintAmong(error.data, allowed);
      return `${sentence(show(error.data))} is not allowed in ${where(error.instancePath)}: ${hint === '' ? 'use' : `${hint}Use`} one of ${allowed.map((v) => `\`${String(v)}\``).join(', ')}`;
    }
    case 'const':
      return `${sentence(show(error.data))} is not allowed here: write \`${String(params['allowedValue'])}\``;
    case 'type': {
      const def = defName(error.schemaPath);
      const noun = def !== undefined ? NOUN_BY_DEF[def] : undefined;
      const expected = def !== undefined ? EXPECTED_BY_DEF[def] : undefined;
      if (noun !== undefined && expected !== undefined && params['type'] === 'string') return `${sentence(show(error.data))} is not ${noun}: write ${expected}`;
      const base = `${sentence(show(error.data))} in ${where(error.instancePath)} should be ${typeWords(params['type'])}`;
      if (params['type'] === 'array' && (typeof error.data === 'string' || typeof error.data === 'number')) return `${base}: write \`[${String(error.data)}]\``;
      if (params['type'] === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')) return `${base}: write \`"${String(error.data)}"\` in quotes`;
      if (params['type'] === 'object') {
        const keys = Object.keys((parent['properties'] ?? {}) as Record<string, unknown>).filter((k) => k !== 'notes');
        if (keys.length > 0 && keys.length <= 5) return `${base} (keys: ${keys.map((k) => `\`${k}\``).join(', ')})`;
      }
      return base;
    }
    case 'pattern':
    case 'format':
      return formMessage(error, parent);
    case 'minimum':
    case 'exclusiveMinimum':
      return `${sentence(show(error.data))} is too small in ${where(error.instancePath)}: use a number ${error.keyword === 'minimum' ? '>=' : '>'} ${String(params['limit'])}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${sentence(show(error.data))} is too large in ${where(error.instancePath)}: use a number ${error.keyword === 'maximum' ? '<=' : '<'} ${String(params['limit'])}`;
    case 'minItems':
      return `${sentence(where(error.instancePath))} needs at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${sentence(where(error.instancePath))} allows at most ${String(params['limit'])} items`;
    case 'minLength':
      return `${sentence(where(error.instancePath))} is empty: write a value`;
    case 'uniqueItems':
      return `${sentence(where(error.instancePath))} lists the same item twice (items ${Number(params['j']) + 1} and ${Number(params['i']) + 1}): remove one`;
    case 'anyOf':
    case 'oneOf': {
      const def = defName(error.schemaPath);
      const expected = def !== undefined ? EXPECTED_BY_DEF[def] : undefined;
      const described = describedAs(parent);
      return `${sentence(show(error.data))} does not fit ${where(error.instancePath)}${expected !== undefined ? `: write ${expected}` : described !== undefined ? `: ${described}` : ''}`;
    }
    default:
      return `${sentence(show(error.data))} in ${where(error.instancePath)} ${error.message ?? 'is not valid'}`;
  }
}
