import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.md` file below a folder, in a stable (sorted) order. */
export function markdownFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) out.push(path);
    }
  };
  walk(folder);
  return out;
}
