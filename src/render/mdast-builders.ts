/** Small constructors of mdast nodes for the Markdown handbook: the handbook is a tree, never Markdown text. */
import type { Heading, List, ListItem, PhrasingContent, RootContent, Table, TableCell } from 'mdast';

/** A text node. */
export const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** Joins neighbouring text nodes: fewer, longer texts for remark-stringify to escape. */
export function merged(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    if (child.type === 'text' && last !== undefined && last.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + child.value };
    else if (child.type !== 'text' || child.value !== '') out.push(child);
  }
  return out;
}

/** Strong text. */
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
/** Emphasised text. */
export const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
/** A heading of one text. */
export const heading = (depth: Heading['depth'], value: string): Heading => ({ type: 'heading', depth, children: [text(value)] });
/** A paragraph (neighbouring texts joined). */
export const paragraph = (...children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children: merged(children) });
/** A footnote reference to source `n` (nothing for 0: no known source). */
export const ref = (n: number): PhrasingContent[] => (n > 0 ? [{ type: 'footnoteReference', identifier: String(n), label: String(n) }] : []);
/** A list item holding one paragraph; `checked: false` makes it a box to tick. */
export const item = (children: PhrasingContent[], checked: boolean | null = null): ListItem => ({ type: 'listItem', spread: false, checked, children: [{ type: 'paragraph', children: merged(children) }] });
/** An e-mail address as a `mailto:` link (other text as it is). */
export const email = (address: string): PhrasingContent[] => (address === '' ? [] : /^[^\s@]+@[^\s@]+$/.test(address) ? [{ type: 'link', url: `mailto:${address}`, children: [text(address)] }] : [text(address)]);
/** A tight list. */
export const list = (items: ListItem[], ordered = false): List => ({ type: 'list', ordered, spread: false, children: items });

/** "Label: value" as phrasing content, or nothing when the value is empty; `colon` as the language writes it. */
export function field(label: string, value: string, colon: string): PhrasingContent[] {
  return value === '' ? [] : [strong(`${label}${colon}`), text(` ${value}`)];
}

/** A list of "Label: value" items, leaving out empty values. */
export function fields(pairs: [string, string][], colon: string): List | undefined {
  const items = pairs.filter(([, value]) => value !== '').map(([label, value]) => item(field(label, value, colon)));
  return items.length === 0 ? undefined : list(items);
}

/** A GFM table: a header row and rows of cells. */
export function table(header: string[], rows: PhrasingContent[][][]): Table {
  const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children: merged(children) });
  return {
    type: 'table',
    align: header.map(() => null),
    children: [{ type: 'tableRow', children: header.map((h) => cell([text(h)])) }, ...rows.map((row) => ({ type: 'tableRow' as const, children: row.map(cell) }))],
  };
}

/** Joins phrasing parts with a separator, leaving out empty parts. */
export function joined(parts: PhrasingContent[][], separator: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const part of parts.filter((p) => p.length > 0)) {
    if (out.length > 0) out.push(text(separator));
    out.push(...part);
  }
  return out;
}
