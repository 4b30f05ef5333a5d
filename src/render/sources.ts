import type { Path } from '../model/diagnostic.js';
import type { ParsedFile } from '../model/document.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { fastLineOf } from '../load/yaml-lines.js';
import { rangeOfPath } from '../load/yaml-positions.js';
import type { SourceEntry } from './handbook-model.js';

/** The numbered sources of one handbook: each item traced to its document and line. */
export class SourceList {
  readonly entries: SourceEntry[] = [];
  private readonly numbers = new Map<string, number>();

  /** The number of a source, adding it the first time. */
  add(label: string, file: string, line: number): number {
    const key = `${file}\u0000${line}\u0000${label}`;
    const known = this.numbers.get(key);
    if (known !== undefined) return known;
    const n = this.entries.length + 1;
    this.entries.push({ n, label, file, line, anchor: `src-${n}` });
    this.numbers.set(key, n);
    return n;
  }
}

/**
 * The line of a frontmatter value: read from js-yaml and the text where it can be (yaml-lines.ts),
 * else from `yaml`'s positions. `file` should be the loaded file itself (not a copy), so that
 * each frontmatter is read once.
 */
export function lineOf(file: ParsedFile, path: Path): number {
  return fastLineOf(file, path, DEFAULT_LIMITS) ?? rangeOfPath(file, path).start.line;
}
