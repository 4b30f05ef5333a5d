import { existsSync, readFileSync } from 'node:fs';

/**
 * protokit's package.json: the first one found going up from this module (dist/version.js,
 * src/version.ts, or the CLI's bundle in dist/bundle/).
 */
function packageFile(): URL {
  let folder = new URL('./', import.meta.url);
  for (let up = 0; up < 3; up++) {
    const file = new URL('package.json', folder);
    if (existsSync(file)) return file;
    folder = new URL('../', folder);
  }
  return new URL('../package.json', import.meta.url);
}

/** protokit's version, from package.json. */
export const VERSION: string = (JSON.parse(readFileSync(packageFile(), 'utf8')) as { version: string }).version;
