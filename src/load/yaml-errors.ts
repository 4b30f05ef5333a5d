import type { Document, Pair, YAMLError } from 'yaml';
import { yaml } from './yaml-lib.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ParsedFile } from '../model/document.js';
import type { Limits } from './limits.js';
import { pointAt, rangeAt } from './text-position.js';

/** A yaml/syntax finding between two offsets of the file's text. */
function syntaxFinding(file: ParsedFile, message: string, start: number, end: number): Diagnostic {
  return { ruleId: 'yaml/syntax', severity: 'error', message, file: file.file, range: rangeAt(file, start, end), fatal: true };
}

/** The key at `start` (YAML offset) and the first earlier key of the same mapping with the same name. */
function duplicateKeyAt(doc: Document.Parsed, start: number): { key: [number, number, string]; first?: number } | undefined {
  let found: { key: [number, number, string]; first?: number } | undefined;
  yaml().visit(doc, {
    Map(_, map) {
      if (!yaml().isMap(map)) return undefined;
      const items = map.items as Pair[];
      const index = items.findIndex((pair) => yaml().isScalar(pair.key) && pair.key.range?.[0] === start);
      if (index === -1) return undefined;
      const key = items[index]?.key;
      if (!yaml().isScalar(key) || key.range === undefined || key.range === null) return undefined;
      const name = String(key.value);
      const earlier = items.slice(0, index).find((pair) => yaml().isScalar(pair.key) && String(pair.key.value) === name);
      const firstStart = yaml().isScalar(earlier?.key) ? earlier.key.range?.[0] : undefined;
      found = { key: [key.range[0], key.range[1], name], ...(firstStart !== undefined ? { first: firstStart } : {}) };
      return yaml().visit.BREAK;
    },
  });
  return found;
}

/** The quoted scalar that runs to `end` (a missing closing quote makes it swallow the rest). */
function unclosedQuoteBefore(doc: Document.Parsed, end: number): number | undefined {
  let start: number | undefined;
  yaml().visit(doc, {
    Scalar(_, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range !== undefined && node.range !== null && node.range[1] >= end) {
        start = node.range[0];
        return yaml().visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/** A parser error of the frontmatter as a finding, at the place the author has to fix. */
export function yamlErrorFinding(file: ParsedFile, doc: Document.Parsed, error: YAMLError, offset: number, length: number): Diagnostic {
  let [start, end] = error.pos;
  if (error.code === 'DUPLICATE_KEY') {
    const duplicate = duplicateKeyAt(doc, start);
    if (duplicate !== undefined) {
      const [keyStart, keyEnd, name] = duplicate.key;
      const also = duplicate.first === undefined ? '' : ` (also on line ${pointAt(file, offset + duplicate.first).line})`;
      return syntaxFinding(file, `The key \`${name}\` appears twice in this mapping${also}: keep one, YAML keys must be unique`, offset + keyStart, offset + keyEnd);
    }
    return syntaxFinding(file, 'A key appears twice in the same mapping: keep one, YAML keys must be unique', offset + start, offset + Math.max(start, end));
  }
  const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'syntax error';
  if (error.code === 'MISSING_CHAR' && /quote/i.test(reason)) {
    const quoteStart = unclosedQuoteBefore(doc, start);
    if (quoteStart !== undefined) {
      end = start;
      start = quoteStart;
    }
  }
  const text = file.text;
  let s = offset + Math.min(start, length);
  let e = offset + Math.min(Math.max(start, end), length);
  if (s === e && s === offset + length) {
    // an error at the very end of the frontmatter belongs to its last visible character
    while (s > offset && /\s/.test(text[s - 1] ?? '')) s--;
    s = Math.max(offset, s - 1);
    e = s + 1;
  }
  while (e > s + 1 && /\s/.test(text[e - 1] ?? '')) e--;
  return syntaxFinding(file, `The frontmatter is not valid YAML (${reason}): fix the syntax`, s, e);
}

/** The first alias node (`*name`) of the frontmatter, or the one named `name`. */
function aliasRange(doc: Document.Parsed, name?: string): [number, number] | undefined {
  let range: [number, number] | undefined;
  yaml().visit(doc, {
    Alias(_, node) {
      if (!yaml().isAlias(node) || node.range === undefined || node.range === null) return undefined;
      if (name !== undefined && node.source !== name) return undefined;
      range = [node.range[0], node.range[1]];
      return yaml().visit.BREAK;
    },
  });
  return range;
}

/** Turning YAML into data failed (aliases past the limit, an alias without anchor): one finding. */
export function toJsFailure(file: ParsedFile, doc: Document.Parsed, error: unknown, offset: number, limits: Limits): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const unresolved = /^Unresolved alias[^:]*: (.+)$/.exec(message);
  if (unresolved !== null) {
    const name = unresolved[1] as string;
    const range = aliasRange(doc, name) ?? aliasRange(doc) ?? [0, 0];
    return syntaxFinding(file, `The alias \`*${name}\` has no anchor \`&${name}\` before it: define the anchor first, or write the value out`, offset + range[0], offset + range[1]);
  }
  const range = aliasRange(doc) ?? [0, 0];
  const text = /alias/i.test(message)
    ? `The frontmatter expands YAML aliases more than ${limits.maxAliases} times (an alias bomb?): write the values out, or raise \`limits.maxAliases\` in protokit.config.yaml`
    : `The frontmatter could not be read (${message}): fix the syntax`;
  return syntaxFinding(file, text, offset + range[0], offset + range[1]);
}
