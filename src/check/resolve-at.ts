import type { Path, Range } from '../model/diagnostic.js';
import type { ParsedFile } from '../model/document.js';
import type { At } from '../model/rule.js';
import { rangeAt } from '../load/text-position.js';
import { rangeOfPath } from '../load/yaml-positions.js';

/** Turns a rule's `at` into a range in the file: rules never count lines themselves. */
export function resolveAt(doc: ParsedFile, at: At): Range {
  if (isPath(at)) return rangeOfPath(doc, at);
  if ('range' in at) return at.range;
  if ('offsets' in at) return rangeAt(doc, at.offsets[0], at.offsets[1]);
  return rangeOfPath(doc, at.path, at.target);
}

/** The frontmatter path of an `at`, when it has one. */
export function pathOf(at: At): readonly (string | number)[] | undefined {
  if (isPath(at)) return at;
  if ('path' in at) return at.path;
  return undefined;
}

function isPath(at: At): at is Path {
  return Array.isArray(at);
}
