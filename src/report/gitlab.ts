import { fingerprintsOf } from './fingerprint.js';
import type { Reporter } from './reporter.js';

/** GitLab Code Quality (a subset of the Code Climate issue format): one issue per finding. */
export const gitlab: Reporter = (diagnostics) => {
  const fingerprints = fingerprintsOf(diagnostics);
  const issues = diagnostics.map((d, i) => ({
    description: d.message,
    check_name: d.ruleId,
    fingerprint: fingerprints[i],
    severity: d.severity === 'error' ? 'major' : 'minor',
    location: { path: d.file, lines: { begin: d.range.start.line, end: d.range.end.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
