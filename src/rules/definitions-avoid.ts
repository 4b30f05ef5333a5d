import type { Entry } from '../check/set-index.js';
import { compareStrings } from '../model/diagnostic.js';
import { proseRuns } from '../model/document.js';
import { defineRule } from '../model/rule.js';
import { asList, own, str } from '../util/data.js';

/** One word to avoid, from one shared term. */
interface Avoided {
  entry: Entry;
  /** Index in the term's `avoid` list. */
  k: number;
  word: string;
  except: ReadonlySet<string>;
}

const LETTER = '[\\p{L}\\p{N}_]';
/** Web addresses in prose (autolinks and bare URLs are text, but not words). */
const URL = /\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>()]+|[^\s<>()@]+@[^\s<>()@]+\.[^\s<>()@]+/giu;
/** The label of a text directive (`:term[id]`) is an id, not prose. */
const DIRECTIVE_LABEL = /:[A-Za-z][\w-]*\[$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Start and end offsets of each occurrence of a non-empty `needle` in `haystack` (both lowercased). */
function occurrences(haystack: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) out.push([at, at + needle.length]);
  return out;
}

/** Prose that uses a word a shared term says to avoid, outside the sectors where it is accepted. */
export const definitionsAvoid = defineRule({
  id: 'definitions/avoid',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: 'Prose that uses an `avoid` word outside the `avoid_except` sectors; suggests the term. Not inside code, link targets, agency names or legal instruments\' titles',
  help: "The shared definitions list words to avoid (`victim` for `survivor`, `abuser` for `perpetrator`) because they label or blame. Use the shared term in prose. An agency of a sector in the term's `avoid_except` (e.g. justice, where `victim` is the legal term) may keep the word; names of agencies and titles of laws are never flagged.",
  messages: {
    avoid: 'Replace `{{word}}` with `{{term}}`: the shared term `{{id}}` ({{file}}) lists `{{avoid}}` among the words to avoid{{except}}',
  },
  examples: {
    invalid: `---
kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo
---
# Admission

Every victim is offered a safety plan on the day she arrives.`,
    valid: `---
kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo
---
# Admission

Every survivor is offered a safety plan on the day she arrives.`,
  },
  check({ index, documents, report }) {
    const byWord = new Map<string, Avoided[]>();
    for (const entry of index.terms.values()) {
      const except = new Set(asList(own(entry.value, 'avoid_except')).filter((s): s is string => typeof s === 'string'));
      asList(own(entry.value, 'avoid')).forEach((word, k) => {
        if (typeof word !== 'string' || word.trim() === '') return;
        const key = word.trim().toLowerCase().replace(/\s+/g, ' ');
        let list = byWord.get(key);
        if (list === undefined) byWord.set(key, (list = []));
        list.push({ entry, k, word: word.trim(), except });
      });
    }
    if (byWord.size === 0) return;
    // longest first, so that a phrase wins over a word it contains
    const words = [...byWord.keys()].sort((a, b) => b.length - a.length || compareStrings(a, b));
    // one group per word, so that a match tells which word it is (plural `s` outside the groups)
    const pattern = new RegExp(`(?<!${LETTER})(?:${words.map((w) => `(${w.split(' ').map(escape).join('\\s+')})`).join('|')})s?(?!${LETTER})`, 'giu');
    // the same words without the boundaries: a document whose prose does not hold one anywhere has no finding
    const anywhere = new RegExp(words.map((w) => w.split(' ').map(escape).join('\\s+')).join('|'), 'iu');
    // names in which an avoided word is not a choice of words: agencies, laws, and the shared terms and aliases themselves
    const names: string[] = [];
    for (const agency of index.agencies.values()) { const name = str(agency.value, 'name'); if (name !== undefined) names.push(name.toLowerCase()); }
    for (const legal of index.legal.values()) { const title = str(legal.value, 'title'); if (title !== undefined) names.push(title.toLowerCase()); }
    for (const term of index.terms.values()) {
      for (const name of [own(term.value, 'term'), ...asList(own(term.value, 'aliases'))]) if (typeof name === 'string') names.push(name.toLowerCase());
    }
    const namesWith = new Map<string, string[]>();
    const protectedNames = (word: string): string[] => {
      let list = namesWith.get(word);
      if (list === undefined) namesWith.set(word, (list = names.filter((n) => n.includes(word) && n !== word)));
      return list;
    };
    for (const doc of documents) {
      const prose = doc.body.prose;
      let from = Infinity;
      let to = -Infinity;
      for (let i = 0; i + 1 < prose.length; i += 3) {
        from = Math.min(from, prose[i] as number);
        to = Math.max(to, prose[i + 1] as number);
      }
      if (from >= to || !anywhere.test(doc.text.slice(from, to))) continue;
      const sector = doc.kind === 'agency' ? str(doc.data, 'sector') : undefined;
      for (const run of proseRuns(prose)) {
        const text = doc.text.slice(run.start, run.end);
        if (text === '' || DIRECTIVE_LABEL.test(doc.text.slice(Math.max(0, run.start - 40), run.start))) continue;
        pattern.lastIndex = 0;
        let lower: string | undefined;
        let urls: [number, number][] | undefined;
        for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
          const found = match[0];
          const start = match.index;
          const end = start + found.length;
          const key = words[match.findIndex((group, i) => i > 0 && group !== undefined) - 1] as string;
          const applicable = (byWord.get(key) as Avoided[]).filter((a) => sector === undefined || !a.except.has(sector));
          const avoided = applicable[0];
          if (avoided === undefined) continue;
          lower ??= text.toLowerCase();
          const inside = (spans: [number, number][]): boolean => spans.some(([s, e]) => s <= start && end <= e);
          if (protectedNames(key).some((name) => inside(occurrences(lower as string, name)))) continue;
          urls ??= [...text.matchAll(URL)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
          if (inside(urls)) continue;
          const exceptions = [...avoided.except];
          report({
            doc,
            at: { offsets: [run.start + start, run.start + end] },
            messageId: 'avoid',
            data: {
              word: found.replace(/\s+/g, ' '),
              term: str(avoided.entry.value, 'term') ?? avoided.entry.id,
              id: avoided.entry.id,
              file: avoided.entry.doc.file,
              avoid: avoided.word,
              except: exceptions.length === 0 ? '' : ` (it is accepted only in agencies of sector ${exceptions.map((s) => `\`${s}\``).join(', ')})`,
            },
            related: [{ doc: avoided.entry.doc, at: [...avoided.entry.path, 'avoid', avoided.k], message: `\`${avoided.word}\` is a word to avoid for \`${avoided.entry.id}\`` }],
          });
        }
      }
    }
  },
});
