/**
 * Markdown text for the handbook templates, made by remark-stringify (mdast-util-to-markdown)
 * itself: the templates give the structure (headings, lists, tables, footnotes), and every value
 * they print is escaped here by the library's own `safe`, so that it reads back as the same text.
 *
 * A value's escape does not depend on where a template puts it: it is escaped as if it stood at
 * the start of a line, inside a table cell and an ATX heading, and before what the templates put
 * after it (the escapes of a text change only at its last character with what follows: the
 * longest of the results for a `[` and a line ending is kept). The cost is a few
 * escapes more than strictly needed (a `|` outside a table, a `#` at the end of a list item),
 * each of which reads back as the character itself.
 */
import type { Code, InlineCode, Link, Root } from 'mdast';
import { remarkGfm, remarkStringify, unified } from '../vendor/render-deps.js';
import { remember } from '../util/memo.js';
import { fastSafeOf, type SafeState } from './fast-safe.js';
import { STRINGIFY_OPTIONS } from './prose-markdown.js';

/** The constructs a value is escaped for (see the module comment). */
const STACK = ['phrasing', 'tableCell', 'headingAtx'];

/**
 * What may follow a value in the templates, as far as its escapes go: a footnote's `[` (so a
 * final `!` is escaped) or a line ending (so are final spaces, a final `\\` and a heading's final
 * `#`). The built-in templates follow a value with one of these, a space or punctuation; a letter
 * is not accounted for (it would escape the `.` of "review." for `www.`-like links), so a
 * template should not put a letter right after a value.
 */
const AFTER = ['[', '\n'];

/** Unicode white space, as micromark classifies it for emphasis (`unicodeWhitespace`). */
const WHITE_SPACE = /\s/;

/** A character reference, as mdast-util-to-markdown writes one. */
const reference = (code: number): string => `&#x${code.toString(16).toUpperCase()};`;

/** Escaped texts kept per value (labels, roles and agencies repeat in every handbook), bounded. */
const MAX_KEPT = 200_000;

/** Escapes values and writes small constructs for the Markdown templates. */
export interface MarkdownText {
  /** A value as Markdown text that reads back as the value, wherever a template prints it. */
  text(value: string): string;
  /**
   * A label's words (locales/*.json) as Markdown text: as `text`, but white space at its ends
   * stays as written (the French colon's no-break space), since a label is not put inside `**` or
   * `_` alone.
   */
  label(value: string): string;
  /**
   * Inline code: `` `value` `` with a fence the value cannot close; a value with a `|` or a line
   * ending, which would end a table cell or row, as escaped text.
   */
  code(value: string): string;
  /** An e-mail address as a link (`<a@b.example>`); text that is not an address (or holds a `|`), escaped. */
  email(address: string): string;
  /** A fenced code block (`lang` and value), as its lines. */
  codeBlock(lang: string, value: string): string;
}

/** A serializer with protokit's options whose state is kept for escaping values one by one. */
function capturedState(): SafeState {
  let captured: SafeState | undefined;
  const capture = (_node: unknown, _parent: unknown, state: unknown): string => {
    captured = state as SafeState;
    return '';
  };
  unified()
    .use(remarkGfm)
    .use(remarkStringify, { ...STRINGIFY_OPTIONS, handlers: { root: capture } as never })
    .stringify({ type: 'root', children: [] });
  if (captured === undefined) throw new Error('remark-stringify did not call its root handler');
  return captured;
}

/** The escaper of a run (its results are kept for the run). */
export function createMarkdownText(): MarkdownText {
  const state = capturedState();
  const processor = unified().use(remarkGfm).use(remarkStringify, STRINGIFY_OPTIONS).freeze();
  /** A small tree written with protokit's options, without the final line ending. */
  const written = (root: Root): string => {
    const text = processor.stringify(root);
    return text.endsWith('\n') ? text.slice(0, -1) : text;
  };
  const texts = new Map<string, string>();
  const labels = new Map<string, string>();
  const codes = new Map<string, string>();
  const emails = new Map<string, string>();
  const blocks = new Map<string, string>();
  const safe = fastSafeOf(state);
  // the characters whose escape depends on what follows them (a final backslash too)
  const afterSensitive = new Set([...(state.unsafe as { character: string; after?: string }[]).filter((p) => p.after !== undefined).map((p) => p.character), '\\']);
  const escape = (value: string, edges: boolean): string => remember(edges ? texts : labels, value, MAX_KEPT, () => escaped(value, edges));
  const escaped = (value: string, edges: boolean): string => {
    const stack = state.stack;
    state.stack = STACK;
    try {
      let best = safe(value, { before: '\n', after: AFTER[0] });
      if (afterSensitive.has(value.charAt(value.length - 1))) {
        for (const after of AFTER.slice(1)) {
          const escaped = safe(value, { before: '\n', after });
          if (escaped.length > best.length) best = escaped;
        }
      }
      // white space at either end (a no-break space, say) would keep a template's `**` or `_`
      // around the value from being emphasis: encoded, as remark-stringify encodes it next to
      // attention (the library's `safe` already encodes spaces and tabs at the start and end of a line)
      if (!edges) return best;
      if (WHITE_SPACE.test(best.charAt(0))) best = reference(best.charCodeAt(0)) + best.slice(1);
      if (best.length > 0 && WHITE_SPACE.test(best.charAt(best.length - 1))) {
        let rest = best.slice(0, -1);
        // a backslash before it would now escape the reference's `&`
        const backslashes = /\\*$/.exec(rest)?.[0].length ?? 0;
        if (backslashes % 2 === 1) rest += '\\';
        best = rest + reference(best.charCodeAt(best.length - 1));
      }
      return best;
    } finally {
      state.stack = stack;
    }
  };
  const text = (value: string): string => escape(value, true);
  return {
    text,
    label: (value) => escape(value, false),
    code(value) {
      if (/[|\r\n]/.test(value)) return text(value);
      const node: InlineCode = { type: 'inlineCode', value };
      return remember(codes, value, MAX_KEPT, () => written({ type: 'root', children: [{ type: 'paragraph', children: [node] }] }));
    },
    email(address) {
      if (address === '') return '';
      if (!/^[^\s@|]+@[^\s@|]+$/.test(address)) return text(address);
      const node: Link = { type: 'link', url: `mailto:${address}`, children: [{ type: 'text', value: address }] };
      return remember(emails, address, MAX_KEPT, () => written({ type: 'root', children: [{ type: 'paragraph', children: [node] }] }));
    },
    codeBlock(lang, value) {
      const node: Code = { type: 'code', lang, meta: null, value };
      return remember(blocks, `${lang}\u0000${value}`, MAX_KEPT, () => written({ type: 'root', children: [node] }));
    },
  };
}
