import { compareStrings, type Diagnostic } from '../model/diagnostic.js';

/**
 * Findings grouped by file, in path order. Files listed in `allFiles` appear even without findings
 * (formats that list clean files: json, junit).
 */
export function groupByFile(diagnostics: readonly Diagnostic[], allFiles: readonly string[] = []): [string, Diagnostic[]][] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of allFiles) byFile.set(file, []);
  for (const d of diagnostics) {
    let list = byFile.get(d.file);
    if (list === undefined) byFile.set(d.file, (list = []));
    list.push(d);
  }
  return [...byFile].sort(([a], [b]) => compareStrings(a, b));
}
