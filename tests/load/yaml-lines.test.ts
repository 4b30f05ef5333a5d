import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSet } from '../../src/load/load-set.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { fastLineOf } from '../../src/load/yaml-lines.js';
import { rangeOfPath } from '../../src/load/yaml-positions.js';
import type { Path } from '../../src/model/diagnostic.js';
import type { ParsedFile } from '../../src/model/document.js';
import { useGeneratedSet } from '../helpers/generate.js';

/**
 * Handbooks read the line of each item's source with `fastLineOf` (js-yaml and the text) instead
 * of `yaml`'s positions: where it answers, it must answer what `rangeOfPath` says.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const generated = useGeneratedSet({ agencies: 40, defects: 40, seed: 'lines' });

/** Every path of a value in the data (collections and scalars), depth first. */
function pathsOf(data: unknown): Path[] {
  const out: Path[] = [];
  const stack: [unknown, Path][] = [[data, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, Path];
    if (path.length > 0) out.push(path);
    if (value === null || typeof value !== 'object' || path.length > 12) continue;
    if (Array.isArray(value)) value.forEach((item, i) => stack.push([item, [...path, i]]));
    else for (const [key, item] of Object.entries(value)) stack.push([item, [...path, key]]);
  }
  return out;
}

function compare(files: readonly ParsedFile[]): { answered: number; asked: number } {
  let answered = 0;
  let asked = 0;
  for (const file of files) {
    if (file.data === undefined) continue;
    for (const path of pathsOf(file.data)) {
      asked++;
      const fast = fastLineOf(file, path, DEFAULT_LIMITS);
      if (fast === undefined) continue;
      answered++;
      expect({ file: file.file, path, line: fast }).toEqual({ file: file.file, path, line: rangeOfPath(file, path).start.line });
    }
  }
  return { answered, asked };
}

const load = (folder: string): ParsedFile[] => loadSet({ paths: [folder], base: folder, limits: DEFAULT_LIMITS }).files;

describe('fastLineOf', () => {
  it('gives the line rangeOfPath gives for every value of a generated set, and answers every path handbooks cite there', () => {
    const files = load(generated());
    const { answered, asked } = compare(files);
    expect(asked).toBeGreaterThan(10_000);
    // flow mappings (`- { id: x, title: y }`) and list items are left to yaml
    expect(answered / asked).toBeGreaterThan(0.7);
    let cited = 0;
    for (const file of files) {
      for (const path of pathsOf(file.data)) {
        const shape = path.map((s) => (typeof s === 'number' ? '#' : s)).join('/');
        if (!['title', 'name', 'contact', 'responsibilities/#/action', 'referrals/#/to', 'terms/#/definition', 'steps/#/action'].includes(shape)) continue;
        cited++;
        expect({ file: file.file, path, answered: fastLineOf(file, path, DEFAULT_LIMITS) !== undefined }).toEqual({ file: file.file, path, answered: true });
      }
    }
    expect(cited).toBeGreaterThan(800);
  });

  it('reads the spans render keeps from the parse, also after a copy to another thread, and the same lines as without them', () => {
    const folder = generated();
    // what a worker sends: the file as parsed for render, copied by the structured clone algorithm
    const kept = loadSet({ paths: [folder], base: folder, limits: DEFAULT_LIMITS, keepTree: true }).files.map((file) => structuredClone(file));
    const withSpans = kept.filter((file) => file.yamlSpans !== undefined);
    expect(withSpans.length).toBeGreaterThan(0.9 * kept.filter((file) => file.data !== undefined).length);
    const plain = load(folder);
    const lines = (files: readonly ParsedFile[]): (number | undefined)[] => files.flatMap((file) => pathsOf(file.data).map((path) => fastLineOf(file, path, DEFAULT_LIMITS)));
    expect(lines(kept)).toEqual(lines(plain));
    expect(compare(kept).answered).toBeGreaterThan(10_000);
    // spans that do not fit the data (a stale or damaged cache) are not used: js-yaml reads the text again
    const damaged = kept.map((file) => (file.yamlSpans === undefined ? file : { ...file, yamlSpans: file.yamlSpans.map((n, i) => (i === 0 ? n + 1e9 : n)) }));
    expect(lines(damaged)).toEqual(lines(plain));
    const short = kept.map((file) => (file.yamlSpans === undefined ? file : { ...file, yamlSpans: file.yamlSpans.slice(2) }));
    expect(lines(short)).toEqual(lines(plain));
    // the kept spans are what answers: with the text changed so that js-yaml would not be asked
    // (an anchor), the line still comes from them; without them, it is left to yaml
    const agency = withSpans.find((file) => file.kind === 'agency') as ParsedFile;
    const at = agency.text.indexOf('\nname: ') + 7;
    const anchored = { ...agency, text: `${agency.text.slice(0, at)}&${agency.text.slice(at + 1)}` };
    expect(fastLineOf(anchored, ['name'], DEFAULT_LIMITS)).toBe(fastLineOf(agency, ['name'], DEFAULT_LIMITS));
    const { yamlSpans: _spans, ...without } = anchored;
    expect(fastLineOf(without, ['name'], DEFAULT_LIMITS)).toBeUndefined();
  });

  it('gives the line rangeOfPath gives for every value of the protocols, fixtures and robustness corpus', () => {
    const { answered } = compare([...load(join(ROOT, 'protocols')), ...load(join(ROOT, 'tests/fixtures')), ...load(join(ROOT, 'tests/robustness/corpus'))]);
    expect(answered).toBeGreaterThan(1000);
  });

  it('answers the paths handbooks cite, and leaves what it cannot read to yaml', () => {
    const text = [
      '---',
      'kind: agency',
      'id: a',
      'name: A',
      '# a comment',
      'responsibilities:',
      '  - id: r1',
      '    action: >-',
      '      Folded',
      '      text',
      '    within: PT1H',
      '  - { id: r2, action: Flow }',
      '  - { id: r3,',
      '      action: Two lines }',
      'empty:',
      'later:',
      '  ~',
      'list:',
      '- at the key column',
      'after: x',
      '"quoted": y',
      'contact:',
      '  phone: "1"',
      '---',
      '',
    ].join('\n');
    const [file] = loadSetFromText(text);
    const line = (path: Path): number | undefined => fastLineOf(file as ParsedFile, path, DEFAULT_LIMITS);
    expect(line(['name'])).toBe(4);
    expect(line(['responsibilities'])).toBe(7);
    expect(line(['responsibilities', 0])).toBe(7);
    expect(line(['responsibilities', 0, 'action'])).toBe(8);
    expect(line(['responsibilities', 0, 'within'])).toBe(11);
    expect(line(['empty'])).toBe(15);
    expect(line(['later'])).toBe(17);
    expect(line(['contact'])).toBe(23);
    expect(line(['contact', 'phone'])).toBe(23);
    expect(line(['responsibilities', 1, 'action'])).toBe(12);
    // left to yaml: a flow mapping over two lines, keys after a sequence at the key column, a quoted key, a missing key, a list index
    expect(line(['responsibilities', 2, 'action'])).toBeUndefined();
    expect(line(['after'])).toBeUndefined();
    expect(line(['quoted'])).toBeUndefined();
    expect(line(['missing'])).toBeUndefined();
    expect(line(['list', 0])).toBeUndefined();
    for (const path of [['name'], ['responsibilities', 0, 'action'], ['responsibilities', 1, 'action'], ['empty'], ['later'], ['contact', 'phone']] as Path[]) {
      expect(line(path)).toBe(rangeOfPath(file as ParsedFile, path).start.line);
    }
  });
});

function loadSetFromText(text: string): ParsedFile[] {
  const folder = mkdtempSync(join(tmpdir(), 'protokit-yaml-lines-one-'));
  try {
    writeFileSync(join(folder, 'a.md'), text);
    return load(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
