import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AJV_OPTIONS, readSchema } from '../../src/validate/schemas.js';
import { generateSet } from '../helpers/generate.js';

/** The validators precompiled at build time give exactly the errors of validators compiled at run time. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KINDS = ['framework', 'definitions', 'agency', 'pathway', 'plan', 'meeting'] as const;
let dir: string;
let precompiled: Record<string, unknown>;
const documents: { kind: string; data: unknown }[] = [];

beforeAll(() => {
  // inside the repository, so that the module's require('ajv/dist/runtime/…') finds node_modules
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  dir = mkdtempSync(join(ROOT, '.bench', 'validators-test-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-validators.mjs'), '--out', dir], { stdio: 'pipe' });
  precompiled = createRequire(import.meta.url)(join(dir, 'validators.cjs')) as Record<string, unknown>;
  const set = join(dir, 'set');
  generateSet(set, { agencies: 30, defects: 30, seed: 'validators' });
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md')) {
        const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(p, 'utf8'));
        if (match === null) continue;
        try {
          const data = parse(match[1] as string) as { kind?: unknown } | null;
          if (data !== null && typeof data === 'object' && KINDS.includes(data.kind as (typeof KINDS)[number])) documents.push({ kind: data.kind as string, data });
        } catch {
          // yaml/syntax defects: nothing to validate
        }
      }
    }
  };
  walk(set);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic pseudo-random generator. */
function prng(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, '', 'x', 'P3D', 'not an id', 'Two Words', true, [], {}, ['a'], { a: 1 }, '2026-13-40', 'USD', 'usd', 'a'.repeat(300), '\u{1F600}'.repeat(3)];

/** Copies `value` with one leaf replaced, one key removed or one unknown key added. */
function mutate(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value);
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const walk = (v: unknown): void => {
    if (v !== null && typeof v === 'object') {
      containers.push(v as Record<string, unknown>);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(copy);
  const target = containers[Math.floor(random() * containers.length)];
  if (target === undefined) return copy;
  const keys = Object.keys(target);
  const key = keys[Math.floor(random() * keys.length)];
  const what = random();
  if (what < 0.6 && key !== undefined) (target as Record<string, unknown>)[key] = ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  else if (what < 0.8 && key !== undefined && !Array.isArray(target)) delete target[key];
  else if (!Array.isArray(target)) target['unexpected_key'] = 'x';
  return copy;
}

function outcome(validate: ValidateFunction, data: unknown): string {
  const valid = validate(data);
  return JSON.stringify({ valid, errors: validate.errors ?? null });
}

describe('precompiled validators (scripts/build-validators.mjs)', () => {
  it('exist for every schema, with the hashes of the schema files and the options of the run', () => {
    expect(precompiled['options']).toBe(JSON.stringify(AJV_OPTIONS));
    for (const name of [...KINDS, 'config']) expect(typeof precompiled[name]).toBe('function');
    expect(Object.keys(precompiled['hashes'] as object).sort()).toEqual([...KINDS, 'config'].sort());
  });

  it('give the same result and the same errors (with data and parent schemas) as compiled ones', () => {
    const ajv = new Ajv2020({ ...AJV_OPTIONS });
    const compiled = new Map(KINDS.map((k) => [k as string, ajv.compile(readSchema(k))]));
    const random = prng(7);
    let invalid = 0;
    expect(documents.length).toBeGreaterThan(50);
    for (const { kind, data } of documents) {
      const samples = [data, ...Array.from({ length: 6 }, () => mutate(data, random))];
      for (const sample of samples) {
        const expected = outcome(compiled.get(kind) as ValidateFunction, sample);
        expect(outcome(precompiled[kind] as ValidateFunction, sample)).toBe(expected);
        if (expected.startsWith('{"valid":false')) invalid++;
      }
    }
    expect(invalid).toBeGreaterThan(200);
  });
});
