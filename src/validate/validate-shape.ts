import type { ErrorObject } from 'ajv';
import type { Diagnostic, Path } from '../model/diagnostic.js';
import type { Kind, ParsedFile } from '../model/document.js';
import { rangeOfPath } from '../load/yaml-positions.js';
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

/**
 * Keeps one error per failing alternative: when an `anyOf`/`oneOf` failed, its branches' own errors
 * are folded into it (the branch whose error is most specific gives the message).
 */
function condense(errors: readonly ErrorObject[]): { error: ErrorObject; message: string }[] {
  const groups = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const out: { error: ErrorObject; message: string }[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      const branches = errors.filter((e) => e !== error && e.schemaPath.startsWith(`${error.schemaPath}/`) && e.instancePath === error.instancePath);
      const specific = branches.find((e) => e.keyword === 'pattern' || e.keyword === 'enum' || e.keyword === 'const');
      out.push({ error, message: shapeMessage(specific ?? error) });
      continue;
    }
    const inGroup = groups.some((g) => error.schemaPath.startsWith(`${g.schemaPath}/`) && error.instancePath.startsWith(g.instancePath));
    if (inGroup) {
      // an error deeper inside a branch that matched the type (a list item) is still worth saying
      const deeper = groups.some((g) => error.schemaPath.startsWith(`${g.schemaPath}/`) && error.instancePath !== g.instancePath);
      if (!deeper) continue;
    }
    out.push({ error, message: shapeMessage(error) });
  }
  return out;
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
