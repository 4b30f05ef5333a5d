import type { ErrorObject } from 'ajv';
import type { Diagnostic, Path } from '../model/diagnostic.js';
import type { Kind, ParsedFile } from '../model/document.js';
import { rangeOfPath } from '../load/yaml-positions.js';
import { nearest } from '../util/suggest.js';
import { shapeMessage } from './shape-messages.js';
import { validatorFor } from './schemas.js';

/** Splits an ajv instance path (`/steps/0/lead`) into frontmatter path segments. */
export function toPath(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

/** True when `path` is `base` or inside it. */
function within(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/**
 * Keeps one explanation per problem. An `anyOf`/`oneOf` error follows the errors of its branches
 * (those just before it, at or below its instance path): a branch written for another type of value
 * says nothing useful, so when a branch of the value's own type failed, its errors are kept (the
 * item of a list, the key of a mapping); otherwise the most specific error (pattern, enum) or the
 * alternative's own description is the message. A missing key explained by a misspelt unknown key
 * of the same mapping is left to the unknown key's did-you-mean.
 */
function condense(errors: readonly ErrorObject[]): { error: ErrorObject; message: string }[] {
  const kept: (ErrorObject | { error: ErrorObject; message: string })[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      kept.push(error);
      continue;
    }
    const branches: ErrorObject[] = [];
    while (kept.length > 0) {
      const previous = kept[kept.length - 1] as ErrorObject | { error: ErrorObject };
      const prior = 'keyword' in previous ? previous : previous.error;
      if (!within(prior.instancePath, error.instancePath)) break;
      kept.pop();
      if ('keyword' in previous) branches.unshift(previous);
    }
    const useful = branches.filter((e) => !(e.keyword === 'type' && e.instancePath === error.instancePath));
    if (useful.length > 0 && useful.some((e) => e.instancePath !== error.instancePath || (e.keyword !== 'pattern' && e.keyword !== 'format'))) {
      kept.push(...useful);
      continue;
    }
    const specific = useful.find((e) => e.keyword === 'pattern' || e.keyword === 'format' || e.keyword === 'enum' || e.keyword === 'const');
    kept.push({ error, message: shapeMessage(specific ?? error) });
  }
  const plain = kept.map((k) => ('keyword' in k ? { error: k, message: shapeMessage(k) } : k));
  return plain.filter(({ error }) => {
    if (error.keyword !== 'required') return true;
    const missing = String((error.params as Record<string, unknown>)['missingProperty']);
    return !plain.some(({ error: other }) => {
      if (other.keyword !== 'additionalProperties' || other.instancePath !== error.instancePath) return false;
      const extra = String((other.params as Record<string, unknown>)['additionalProperty']);
      return nearest(extra, [missing]) === missing;
    });
  });
}

/** Validates a document's frontmatter against the schema of its kind; findings point at the value. */
export function validateShape(file: ParsedFile, kind: Kind, data: unknown): Diagnostic[] {
  const validate = validatorFor(kind);
  if (validate(data)) return [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { error, message } of condense(validate.errors ?? [])) {
    let path: Path = toPath(error.instancePath);
    let target: 'value' | 'key' = 'value';
    if (error.keyword === 'additionalProperties') {
      path = [...path, String((error.params as Record<string, unknown>)['additionalProperty'])];
      target = 'key';
    } else if (error.keyword === 'required') {
      target = 'key';
    }
    const key = `${path.join('/')}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({ ruleId: 'schema/shape', severity: 'error', message, file: file.file, range: rangeOfPath(file, path, target), path });
  }
  return diagnostics;
}
