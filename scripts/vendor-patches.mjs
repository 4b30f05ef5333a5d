// Performance patches that scripts/bundle-vendor.mjs applies to a library's code as it bundles it
// (the packages in node_modules stay as they are; running from sources, or from a build without
// the bundles, uses them unpatched: the same results, slower). Each patch names the file it
// changes, the exact text it replaces and why; a patch whose text is not found exactly once
// fails the build, so that an upgrade of the library is looked at again instead of silently
// running unpatched. tests/load/tree-bundle.test.ts holds the bundle's trees equal to the
// packages' own and checks that each patch is in the bundle.

/**
 * mdast-util-from-markdown 2.1.0, `compile`: every handler of every micromark event is called on
 * a fresh copy of the compile context (`{...context, sliceSerialize}`), only to give it the
 * event's `sliceSerialize`. The handlers (the library's own and those of the mdast extensions
 * protokit loads: directive, frontmatter, GFM) use `this` only during the call and never assign
 * to it, so one context object, its `sliceSerialize` set before each call, gives the same calls
 * and the same tree. Those copies were a sixth of the time of parsing an agency's body into its
 * tree (render's main cost), garbage collection included.
 */
const FROM_MARKDOWN_CONTEXT = {
  id: 'mdast-util-from-markdown: one compile context for every handler call',
  file: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/,
  edits: [
    {
      find: `    /** @type {Array<number>} */
    const listStack = [];`,
      replace: `    // (protokit's bundle: one context for every handler call, see scripts/vendor-patches.mjs)
    const handlerContext = {...context, sliceSerialize: undefined};
    /** @type {Array<number>} */
    const listStack = [];`,
    },
    {
      find: `        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`,
      replace: `        handlerContext.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(handlerContext, events[index][1]);`,
    },
  ],
};

/**
 * micromark-util-subtokenize 2.1.0, `subtokenize` (after each parse, for every paragraph, heading
 * or table cell whose inline content is tokenized): the event indices to jump over are kept in a
 * plain object, looked up with `index in jumps` for every event of the document and filled with
 * `Object.assign` from another such object. Keyed by large, sparse integers, those objects fall
 * back to V8's slow dictionary elements. A Map holds the same keys and values, looked up the same
 * way (`has`, `get`); `subcontent`, which makes the gaps, is not exported. A fourteenth of the
 * time of parsing an agency's body into its tree.
 */
const SUBTOKENIZE_JUMPS = {
  id: 'micromark-util-subtokenize: the jumps in a Map',
  file: /[\\/]micromark-util-subtokenize[\\/]index\.js$/,
  edits: [
    { find: `  const jumps = {};\n  let index = -1;`, replace: `  const jumps = new Map(); // (protokit's bundle: see scripts/vendor-patches.mjs)\n  let index = -1;` },
    { find: `    while (index in jumps) {\n      index = jumps[index];\n    }`, replace: `    while (jumps.has(index)) {\n      index = jumps.get(index);\n    }` },
    {
      find: `        Object.assign(jumps, subcontent(events, index));\n        index = jumps[index];`,
      replace: `        for (const [at, to] of subcontent(events, index)) jumps.set(at, to);\n        index = jumps.get(index);`,
    },
    { find: `  const gaps = {};`, replace: `  const gaps = new Map();` },
    { find: `    gaps[adjust + jumps[index][0]] = adjust + jumps[index][1];`, replace: `    gaps.set(adjust + jumps[index][0], adjust + jumps[index][1]);` },
  ],
};

/**
 * The patches, by the bundle they go into. Only the bundle that parses trees for `render` is
 * patched; `check`'s (check-deps.cjs, micromark's events alone) holds the libraries unchanged.
 */
export const PATCHES = { 'tree-deps': [FROM_MARKDOWN_CONTEXT, SUBTOKENIZE_JUMPS] };

/** The number of times `find` occurs in `code`. */
function occurrences(code, find) {
  let count = 0;
  for (let at = code.indexOf(find); at !== -1; at = code.indexOf(find, at + find.length)) count++;
  return count;
}

/**
 * `code` of the module `id` with the patches for it applied (`code` itself when none is for it).
 * Throws when a patch's text is not found exactly once (line endings as the package has them).
 */
export function applyPatches(patches, id, code) {
  let out = code;
  for (const patch of patches) {
    if (!patch.file.test(id)) continue;
    for (const edit of patch.edits) {
      const count = occurrences(out, edit.find);
      if (count !== 1) throw new Error(`${patch.id}: the text to replace is found ${count} times in ${id}, not once: the library changed; check the patch in scripts/vendor-patches.mjs against it`);
      out = out.replace(edit.find, () => edit.replace);
    }
  }
  return out;
}

/** A rolldown plugin that applies `patches`, and fails the bundle when one of them was never used. */
export function patchPlugin(patches) {
  const used = new Set();
  return {
    name: 'protokit-vendor-patches',
    transform(code, id) {
      const matching = patches.filter((patch) => patch.file.test(id));
      if (matching.length === 0) return null;
      for (const patch of matching) used.add(patch.id);
      return { code: applyPatches(matching, id, code), map: null };
    },
    buildEnd(error) {
      if (error) return;
      const missing = patches.filter((patch) => !used.has(patch.id));
      if (missing.length > 0) throw new Error(`no module to patch for: ${missing.map((p) => p.id).join('; ')}`);
    },
  };
}
