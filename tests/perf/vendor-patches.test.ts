import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script (plain JavaScript, no types)
import { applyPatches, PATCHES } from '../../scripts/vendor-patches.mjs';

/**
 * The performance patches the build applies to libraries as it bundles them: each must match the
 * installed package's text exactly once, and must fail loudly when the library changes. That the
 * patched bundle parses to the packages' own trees is tested in tests/load/tree-bundle.test.ts.
 */

interface Patch {
  id: string;
  file: RegExp;
  edits: { find: string; replace: string }[];
}

const patches = (PATCHES as Record<string, Patch[]>)['tree-deps'] ?? [];
const apply = applyPatches as (patches: Patch[], id: string, code: string) => string;

const require = createRequire(import.meta.url);

/**
 * The module rolldown bundles from a package: its `default` export's file (vitest resolves the
 * `development` one, dev/index.js, which is not bundled).
 */
function bundled(name: string, file: string): string {
  const resolved = require.resolve(name);
  return join(resolved.slice(0, resolved.lastIndexOf(name) + name.length), file);
}

const FROM_MARKDOWN = bundled('mdast-util-from-markdown', 'lib/index.js');
const SUBTOKENIZE = bundled('micromark-util-subtokenize', 'index.js');

describe('the vendor patches', () => {
  it("apply once each to the installed mdast-util-from-markdown, and leave other modules alone", () => {
    expect(patches.map((p) => p.id)).toEqual(['mdast-util-from-markdown: one compile context for every handler call', 'micromark-util-subtokenize: the jumps in a Map']);
    const code = readFileSync(FROM_MARKDOWN, 'utf8');
    const patched = apply(patches, FROM_MARKDOWN, code);
    expect(patched).not.toBe(code);
    expect(patched).toContain('const handlerContext = {...context, sliceSerialize: undefined};');
    expect(patched).toContain('handler[events[index][1].type].call(handlerContext, events[index][1]);');
    // the spread copies of the listener calls (no extension protokit loads has listeners) stay
    const copies = (text: string): number => text.split('sliceSerialize: events[index][2].sliceSerialize\n').length - 1;
    expect(copies(code)).toBe(3);
    expect(copies(patched)).toBe(2);
    expect(apply(patches, '/x/node_modules/micromark/lib/parse.js', code)).toBe(code);
  });

  it('keep the jumps of micromark-util-subtokenize in Maps, every use of them', () => {
    const code = readFileSync(SUBTOKENIZE, 'utf8');
    const patched = apply(patches, SUBTOKENIZE, code);
    expect(patched).toContain('const jumps = new Map();');
    expect(patched).toContain('const gaps = new Map();');
    // no use of either as a plain object is left
    expect(patched).not.toMatch(/index in jumps|jumps\[index\] *[^\[]|Object\.assign\(jumps|gaps\[/);
    expect(patched.match(/jumps\.(?:has|get|set)\(/g)?.length).toBe(4);
    expect(apply(patches, FROM_MARKDOWN, readFileSync(FROM_MARKDOWN, 'utf8'))).not.toContain('new Map()');
  });

  it('fail when the library no longer holds the text they replace', () => {
    const code = readFileSync(FROM_MARKDOWN, 'utf8');
    const changed = code.replace('handler[events[index][1].type].call({', 'handler[events[index][1].type].call(Object.freeze({');
    expect(changed).not.toBe(code);
    expect(() => apply(patches, FROM_MARKDOWN, changed)).toThrow(/mdast-util-from-markdown: one compile context.*found 0 times.*not once: the library changed/);
    // twice is as wrong as never
    const find = patches[0]?.edits[0]?.find ?? '';
    expect(() => apply(patches, FROM_MARKDOWN, `${code}\n${find}`)).toThrow(/found 2 times/);
  });
});
