import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';
import { requireWithCodeCache } from '../util/code-cache.js';

let lib: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded on first use: with frontmatter data from js-yaml, a run needs it only
 * for positions of findings, frontmatters the fast path declines, and the config file. Its Node
 * build is CommonJS (the same module `import 'yaml'` gives), so it is required synchronously: from
 * the one-file bundle of it that the build writes (scripts/bundle-vendor.mjs; one file to load
 * instead of 72; with the code cache the build wrote beside it, src/util/code-cache.ts), or from
 * the package itself when running from sources.
 */
export function yaml(): typeof Yaml {
  if (lib === undefined) {
    const require = createRequire(import.meta.url);
    const bundled = fileURLToPath(new URL('../vendor/yaml.cjs', import.meta.url));
    lib = (existsSync(bundled) ? requireWithCodeCache(bundled) : require('yaml')) as typeof Yaml;
  }
  return lib;
}
