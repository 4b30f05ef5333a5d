import { pathToFileURL } from 'node:url';
import type { Range } from '../model/diagnostic.js';
import type { Rule } from '../model/rule.js';
import { fingerprintsOf } from './fingerprint.js';
import type { Reporter } from './reporter.js';

const SRCROOT = '%SRCROOT%';

/** `ref/duplicate-id` → `RefDuplicateId` (SARIF `reportingDescriptor.name`). */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** A set-relative path as a relative URI reference: each segment percent-encoded. */
function uriOf(file: string): string {
  return file.replaceAll('\\', '/').split('/').map(encodeURIComponent).join('/');
}

/** SARIF positions are 1-based; a positionless finding falls back to line 1, column 1. */
const atLeastOne = (n: number): number => Math.max(1, n);

function physicalLocation(file: string, range: Range): object {
  const startLine = atLeastOne(range.start.line);
  const startColumn = atLeastOne(range.start.column);
  return {
    artifactLocation: { uri: uriOf(file), uriBaseId: SRCROOT },
    region: {
      startLine,
      startColumn,
      endLine: Math.max(startLine, range.end.line),
      endColumn: range.end.line > startLine ? atLeastOne(range.end.column) : Math.max(startColumn, range.end.column),
    },
  };
}

function descriptorOf(rule: Pick<Rule, 'id' | 'defaultSeverity' | 'description' | 'help'>): object {
  const help = rule.help ?? rule.description;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: help },
    help: { text: help },
    defaultConfiguration: { level: rule.defaultSeverity },
    properties: { tags: [rule.id.replace(/\/.*$/s, '')] },
  };
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, one result per finding. */
export const sarif: Reporter = (diagnostics, context) => {
  const ruleIndex = new Map(context.rules.map((rule, i) => [rule.id, i]));
  const fingerprints = fingerprintsOf(diagnostics);
  const base = pathToFileURL(context.cwd).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'protokit',
            version: context.version,
            informationUri: 'https://github.com/protokit/protokit',
            rules: context.rules.map(descriptorOf),
          },
        },
        // Base URIs must end with a slash (SARIF §3.14.14).
        originalUriBaseIds: { [SRCROOT]: { uri: base.endsWith('/') ? base : `${base}/` } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d, i) => {
          const index = ruleIndex.get(d.ruleId);
          return {
            ruleId: d.ruleId,
            ...(index !== undefined ? { ruleIndex: index } : {}),
            level: d.severity,
            message: { text: d.message },
            locations: [{ physicalLocation: physicalLocation(d.file, d.range) }],
            ...(d.related !== undefined && d.related.length > 0
              ? {
                  relatedLocations: d.related.map((r, id) => ({
                    id,
                    physicalLocation: physicalLocation(r.file, r.range),
                    message: { text: r.message },
                  })),
                }
              : {}),
            partialFingerprints: { 'protokitFingerprint/v1': fingerprints[i] },
          };
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
