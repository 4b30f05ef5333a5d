import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded on first use: with frontmatter data from js-yaml, a run needs it only
 * for positions of findings, frontmatters the fast path declines, and the config file. Its Node
 * build is CommonJS (the same module `import 'yaml'` gives), so it is required synchronously.
 */
export function yaml(): typeof Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return lib;
}
