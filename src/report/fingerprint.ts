import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/diagnostic.js';

/**
 * Stable fingerprints, one per diagnostic (SARIF `partialFingerprints`, GitLab `fingerprint`): a sha256
 * of the rule id, file, message and the occurrence index among findings with those three values. Lines
 * and columns are left out so that a finding keeps its fingerprint when unrelated edits move it.
 */
export function fingerprintsOf(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = JSON.stringify([d.ruleId, d.file, d.message]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(JSON.stringify([d.ruleId, d.file, d.message, occurrence])).digest('hex');
  });
}
