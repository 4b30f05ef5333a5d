import type { Path } from '../model/diagnostic.js';
import { proseRuns } from '../model/document.js';
import { defineRule, type RelatedReport, type Report } from '../model/rule.js';
import { own } from '../util/data.js';
import { findPersonalData, type PersonalDataKind } from '../util/personal-data.js';

/** Every string in a frontmatter value, with its path. */
function* strings(value: unknown, path: Path): Generator<[string, Path]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) yield* strings((value as Record<string, unknown>)[key], [...path, key]);
  }
}

/** `a phone number`, `an e-mail address`. */
function withArticle(kind: PersonalDataKind): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** The frontmatter sections of a meeting where personal data must never be written. */
const SECTIONS = ['case_reviews', 'barriers'] as const;

/** An e-mail address, phone number or national-id-like number in a meeting's case reviews or barriers, or in its body. */
export const privacyPersonalData = defineRule({
  id: 'privacy/personal-data',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: "An e-mail address, phone number or national-id-like number in a meeting's case reviews or barriers",
  help:
    'Meeting records are shared across agencies and must stay anonymised: case reviews and barriers describe what happened to ' +
    'coordination, never who it happened to. protokit looks for e-mail addresses, phone numbers and identity-like numbers in every ' +
    'text of a meeting\'s `case_reviews` and `barriers`, and in the prose of its body, and ignores dates, times, year ranges, ' +
    'budget lines, legal citations, amounts and durations. Each value is reported once per meeting, at the text of the ' +
    'frontmatter that holds it (else at its first place in the body), with its other places as related locations. Remove the ' +
    'detail everywhere, or refer to it by role ("the duty officer").',
  messages: {
    found: 'This meeting record contains {{what}} `{{text}}`: remove it, meeting records stay anonymised (refer to people by role)',
  },
  examples: {
    invalid: `kind: meeting
id: ncc-2026-06
body: national-coordination-committee
date: 2026-06-12
barriers:
  - id: b-1
    level: practice
    description: Out-of-hours referrals fail. Call the duty officer on +000 555 0199 for details.`,
    valid: `kind: meeting
id: ncc-2026-06
body: national-coordination-committee
date: 2026-06-12
barriers:
  - id: b-1
    level: practice
    description: Out-of-hours referrals fail; the duty officer of the DVU holds the details.`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('meeting')) {
      // each value once per meeting: at its frontmatter place, with its repeats in the body as related places
      const found = new Map<string, { first: Report<'found'>; also: RelatedReport[] }>();
      const add = (text: string, report: Report<'found'>) => {
        const seen = found.get(text);
        if (seen === undefined) found.set(text, { first: report, also: [] });
        else seen.also.push({ doc, at: report.at, message: 'Also here' });
      };
      for (const section of SECTIONS) {
        for (const [text, path] of strings(own(doc.data, section), [section])) {
          for (const match of findPersonalData(text)) add(match.text, { doc, at: path, messageId: 'found', data: { what: withArticle(match.kind), text: match.text } });
        }
      }
      for (const run of proseRuns(doc.body.prose)) {
        for (const match of findPersonalData(doc.text.slice(run.start, run.end))) {
          add(match.text, { doc, at: { offsets: [run.start + match.start, run.start + match.end] }, messageId: 'found', data: { what: withArticle(match.kind), text: match.text } });
        }
      }
      // two values in one string: one finding for that string
      const reported = new Set<string>();
      for (const { first, also } of found.values()) {
        const key = JSON.stringify(first.at);
        if (reported.has(key)) continue;
        reported.add(key);
        report(also.length > 0 ? { ...first, related: also } : first);
      }
    }
  },
});
