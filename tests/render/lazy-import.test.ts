import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RENDER_FLAG_VALUES } from '../../src/cli/render-command.js';
import { LANGS } from '../../src/render/i18n.js';
import { FORMATS } from '../../src/render/render.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every module that `file` loads when it is imported (static imports only; `await import()` is lazy). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        if (existsSync(target)) queue.push(target);
      } else if (!spec.startsWith('node:')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
      }
    }
  }
  return { files, packages };
}

describe('the check path stays light', () => {
  const graph = staticGraph(join(SRC, 'cli', 'main.ts'));

  it('reaches the render command but not src/render', () => {
    expect([...graph.files].some((f) => f.endsWith(join('cli', 'render-command.ts')))).toBe(true);
    expect([...graph.files].filter((f) => f.includes(`${join('src', 'render')}/`))).toEqual([]);
    expect(readFileSync(join(SRC, 'cli', 'render-command.ts'), 'utf8')).toContain("await import('../render/index.js')");
  });

  it('loads neither Handlebars, rehype, Graphviz nor playwright', () => {
    for (const heavy of ['handlebars', 'rehype-sanitize', 'rehype-stringify', 'remark-rehype', 'remark-stringify', '@viz-js/viz', 'playwright-core']) {
      expect(graph.packages.has(heavy), heavy).toBe(false);
    }
  });

  it('checks flags against the same lists as the renderer', () => {
    expect(RENDER_FLAG_VALUES.FORMATS).toEqual(FORMATS);
    expect(RENDER_FLAG_VALUES.LANGS).toEqual(LANGS);
  });
});
