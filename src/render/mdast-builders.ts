/** Small constructors of the mdast nodes protokit adds to body prose (src/render/prose-markdown.ts). */
import type { PhrasingContent } from 'mdast';

/** A text node. */
export const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** Emphasised text. */
export const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });

/** A footnote reference to source `n` (nothing for 0: no known source). */
export const ref = (n: number): PhrasingContent[] => (n > 0 ? [{ type: 'footnoteReference', identifier: String(n), label: String(n) }] : []);
