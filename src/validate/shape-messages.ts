import type { ErrorObject } from 'ajv';
import { didYouMean } from '../util/suggest.js';

/** What a `$defs` entry expects, in words, with an example. */
const EXPECTED_BY_DEF: Record<string, string> = {
  id: 'an id in lowercase kebab-case, such as `national-police`',
  roleRef: 'a role reference `agency-id/role-id`, such as `national-police/first-responder`',
  serviceRef: 'a service reference `agency-id/service-id`, such as `central-hospital/forensic-examination`',
  stepRef: 'a step reference `pathway-id/step-id`, such as `adult-sexual-violence/medical-care`',
  duration: 'an ISO 8601 duration such as `PT1H`, `PT72H`, `P3D` or `P3M`, or `immediate`',
  date: 'a date written `YYYY-MM-DD`, such as `2027-06-30`',
  currency: 'a three-letter ISO 4217 currency code such as `USD`',
  language: 'a language code such as `en` or `es`',
};

/** The `$defs` name an error's schema path went through last, if any. */
function defName(schemaPath: string): string | undefined {
  const match = /#\/\$defs\/([^/]+)(?:\/(?!\$defs)[^/]+)*$/.exec(schemaPath) ?? /\$defs\/([^/]+)/.exec(schemaPath);
  return match?.[1];
}

function show(value: unknown): string {
  if (typeof value === 'string') return `\`${value}\``;
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
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

/** The last key of an instance path, for messages ("in `steps`"). */
function where(instancePath: string): string {
  const parts = instancePath.split('/').slice(1);
  const last = [...parts].reverse().find((p) => !/^\d+$/.test(p));
  return last === undefined ? 'the frontmatter' : `\`${last.replace(/~1/g, '/').replace(/~0/g, '~')}\``;
}

/** A message a policy writer understands for one ajv error: what is wrong and what to write. */
export function shapeMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `Missing required key \`${String(params['missingProperty'])}\` in ${where(error.instancePath)}: add it`;
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const known = Object.keys((parent['properties'] ?? {}) as Record<string, unknown>);
      const hint = didYouMean(key, known);
      return `Unknown key \`${key}\`${hint === '' ? '' : hint.replace(/\?$/, '')}${hint === '' ? ': remove it, or' : ' Otherwise remove it, or'} rename it \`x-${key}\` to keep it as an extension`;
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map((v) => `\`${String(v)}\``);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, (params['allowedValues'] as unknown[]).map(String)) : '';
      return `${show(error.data)} is not allowed in ${where(error.instancePath)}: use one of ${allowed.join(', ')}${hint === '' ? '' : ` (${hint.slice(2)})`}`;
    }
    case 'const':
      return `${show(error.data)} is not allowed here: write \`${String(params['allowedValue'])}\``;
    case 'type':
      return `${show(error.data)} in ${where(error.instancePath)} should be ${typeWords(params['type'])}`;
    case 'pattern':
    case 'format': {
      const def = defName(error.schemaPath);
      const expected = def !== undefined ? EXPECTED_BY_DEF[def] : undefined;
      return `${show(error.data)} is not ${expected ?? `in the expected form for ${where(error.instancePath)}`}${expected === undefined ? ` (pattern ${String(params['pattern'] ?? params['format'])})` : ''}`;
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return `${show(error.data)} is too small in ${where(error.instancePath)}: use a number ${error.keyword === 'minimum' ? '>=' : '>'} ${String(params['limit'])}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${show(error.data)} is too large in ${where(error.instancePath)}: use a number ${error.keyword === 'maximum' ? '<=' : '<'} ${String(params['limit'])}`;
    case 'minItems':
      return `${where(error.instancePath)} needs at least ${String(params['limit'])} item${params['limit'] === 1 ? '' : 's'}`;
    case 'maxItems':
      return `${where(error.instancePath)} allows at most ${String(params['limit'])} items`;
    case 'minLength':
      return `${where(error.instancePath)} is empty: write a value`;
    case 'uniqueItems':
      return `${where(error.instancePath)} lists the same item twice (items ${String(params['j'])} and ${String(params['i'])}): remove one`;
    case 'anyOf':
    case 'oneOf': {
      const def = defName(error.schemaPath);
      const expected = def !== undefined ? EXPECTED_BY_DEF[def] : undefined;
      const description = typeof parent['description'] === 'string' ? ` (${String(parent['description']).replace(/\.$/, '')})` : '';
      return `${show(error.data)} does not fit ${where(error.instancePath)}${expected === undefined ? description : `: write ${expected}`}`;
    }
    default:
      return `${show(error.data)} in ${where(error.instancePath)} ${error.message ?? 'is not valid'}`;
  }
}
