/**
 * Property-based tests (fast-check): for arbitrary bytes as a document, arbitrary YAML trees in a
 * frontmatter and arbitrary mutations of the documents of valid sets (a generated corpus of 25
 * agencies and protocols/valdoria), `check` finishes with exit 0 or 1 (2 only for a tool error), no
 * rule crashes, and every finding sits inside the file it names. A few runs go through `main()`
 * with fake streams (no stack trace, json output that parses), and a few through `render --force`.
 *
 * Bounded for CI: a fixed seed and a small count; PROTOKIT_PROPERTY_RUNS raises every count (and
 * PROTOKIT_PROPERTY_SEED changes the seed), e.g. PROTOKIT_PROPERTY_RUNS=500 npx vitest run tests/robustness.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exitCodeOf, lint } from '../../src/lint.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseFile } from '../../src/load/parse-file.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { KINDS, type ParsedFile } from '../../src/model/document.js';
import { isToolError } from '../../src/model/errors.js';
import { CORPUS, hasStackTrace, outsideText, removeTemps, ROOT, tempDir, textOf } from './helpers.js';

const SEED = Number(process.env['PROTOKIT_PROPERTY_SEED'] ?? 20261127);
const RAISED = Number(process.env['PROTOKIT_PROPERTY_RUNS'] ?? 0);
/** The number of runs of a property: `n` in CI, PROTOKIT_PROPERTY_RUNS when set. */
const runs = (n: number): number => (RAISED > 0 ? RAISED : n);
const params = (n: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: runs(n), endOnFailure: true });

/** A set in memory: set-relative path → bytes. */
type Files = Map<string, Buffer>;

function readSet(dir: string): Files {
  const files: Files = new Map();
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.set(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const BASE = readSet(join(CORPUS, 'base'));
const VALDORIA_DIR = join(ROOT, 'protocols/valdoria');
let generatedDir: string;
let generated: Files;
let valdoria: Files;
/** Parsed once: a property replaces one file and reuses the others. */
const parsedCache = new Map<Files, Map<string, ParsedFile>>();

beforeAll(() => {
  generatedDir = join(tempDir(), 'generated');
  execFileSync(process.execPath, [join(ROOT, '../shared/bench/gen-corpus.mjs'), '--agencies', '25', '--out', generatedDir], { stdio: 'ignore' });
  generated = readSet(generatedDir);
  valdoria = existsSync(VALDORIA_DIR) ? readSet(VALDORIA_DIR) : new Map();
}, 60_000);

afterAll(removeTemps);

function parsedOf(set: Files): Map<string, ParsedFile> {
  let parsed = parsedCache.get(set);
  if (parsed === undefined) {
    parsed = new Map([...set].map(([file, bytes]) => [file, parseFile(file, bytes, { limits: DEFAULT_LIMITS })]));
    parsedCache.set(set, parsed);
  }
  return parsed;
}

/** Why a finding is out of place, or undefined. */
function misplaced(d: Pick<Diagnostic, 'file' | 'range'>, texts: ReadonlyMap<string, string>): string | undefined {
  const text = texts.get(d.file);
  if (text === undefined) return `names ${d.file}, which is not in the set`;
  return outsideText(text, d.range);
}

/**
 * Runs `check` in-process over `set` with `changed` files replaced (or added), and asserts the
 * properties: it finishes (a tool error is exit 2), the exit code is 0 or 1, no rule crashed,
 * every finding (and related location) is inside its file. Returns the findings.
 */
async function checkProperties(set: Files, changed: ReadonlyMap<string, Uint8Array>): Promise<Diagnostic[]> {
  const base = parsedOf(set);
  const files: ParsedFile[] = [];
  for (const [file, parsed] of base) if (!changed.has(file)) files.push(parsed);
  for (const [file, bytes] of changed) files.push(parseFile(file, bytes, { limits: DEFAULT_LIMITS }));
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  let diagnostics: Diagnostic[];
  try {
    ({ diagnostics } = await lint({ paths: ['.'], mode: 'check', cwd: generatedDir, load: () => files }));
  } catch (error) {
    if (isToolError(error)) return [];
    throw error;
  }
  expect([0, 1]).toContain(exitCodeOf(diagnostics));
  const texts = new Map(files.map((f) => [f.file, f.text]));
  for (const d of diagnostics) {
    expect(d.message, `${d.ruleId} crashed`).not.toMatch(/The rule failed on this set|internal error/);
    expect(hasStackTrace(d.message), d.message).toBe(false);
    expect(misplaced(d, texts), `${d.file}:${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column} ${d.ruleId} ${d.message}`).toBeUndefined();
    for (const r of d.related ?? []) expect(misplaced(r, texts), `related of ${d.ruleId} at ${r.file}`).toBeUndefined();
  }
  return diagnostics;
}

// ------------------------------------------------------------------------------- arbitraries

const IDS = ['national-police', 'survivor', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'a', 'x-y', '', ' ', '-', 'UPPER', 'first-contact', 'sexual-violence', 'ministry-of-health/forensic-examination', 'a/b/c', '../../x', 'PT72H', 'P3D', 'immediate', 'P', 'PT', '2026-02-30', '2026-01-01', 'any'];
const KEYS = [
  ...['kind', 'id', 'title', 'name', 'sector', 'type', 'roles', 'services', 'responsibilities', 'referrals', 'terms', 'steps', 'entry', 'lead', 'support', 'next', 'after', 'within', 'windows', 'step'],
  ...['interventions', 'budget', 'amount', 'currency', 'funded_by', 'targets', 'indicator', 'indicators', 'horizon', 'due', 'period', 'start', 'end', 'actions', 'status', 'follows', 'owner'],
  ...['body', 'date', 'attendees', 'barriers', 'case_reviews', 'professions', 'profession', 'legal_basis', 'provides', 'coordinating_body', 'members', 'chair', 'languages', 'principles'],
  ...['forms_of_violence', 'accepts_from', 'to', 'from_role', 'consent', 'shares', 'contact', 'confidential_location', 'definition', 'term', 'aliases', 'avoid', 'avoid_except', 'addresses', 'x-extra', 'notes', '__proto__', 'constructor'],
];

const scalar = fc.oneof(
  fc.constantFrom(...IDS),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('tree')),
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.array(tie('node'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), tie('node'), { maxKeys: 6 }),
  ),
}));

/** Where the generated set keeps each kind. */
const PLACE: Record<string, string> = { framework: 'framework.md', definitions: 'definitions/', agency: 'agencies/', pathway: 'pathways/', plan: 'plan/', meeting: 'meetings/' };

/** A frontmatter mapping: a kind (mostly a real one), an id, and arbitrary keys and values. */
const frontmatterData = fc.record({
  kind: fc.oneof(fc.constantFrom(...KINDS), scalar),
  id: fc.oneof(fc.constantFrom(...IDS), scalar),
  rest: fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 6 }),
});

const yamlOptions = fc.record({
  collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL'>,
  lineEnding: fc.constantFrom('\n', '\r\n'),
});

const body = fc.oneof(
  fc.constant('\n# Body\n\nSome prose.\n'),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('\n:term[survivor] and :term[__proto__]\n', '\n:::audience{professions="police-officer"}\nx\n:::\n', '\n<!-- protokit-disable-next-line -->\n', '\n> - [x](javascript:y)\n'),
);

/** One mutation of a document's text, chosen by kind and positions. */
const mutation = fc.record({
  kind: fc.constantFrom('rename-key', 'wrong-type', 'cut-reference', 'delete-line'),
  at: fc.nat(),
  cut: fc.nat(),
  replacement: fc.oneof(fc.constantFrom(...KEYS, ...IDS), fc.string({ maxLength: 10 })),
  value: fc.constantFrom('[1, 2]', '{a: 1}', '123', '-1', '1e400', 'true', 'null', '~', '""', "'x'", '[]', '{}', '&a x', '*a', '!!binary aGVsbG8=', '!!js/function "f"', '2026-13-45', '|', '>-', '[', '{', '"', 'x: y: z', '- item'),
});

type Mutation = { kind: 'rename-key' | 'wrong-type' | 'cut-reference' | 'delete-line'; at: number; cut: number; replacement: string; value: string };

/** Applies a mutation to a document's text; a mutation with nothing to act on leaves it unchanged. */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  const yamlLines = close === -1 ? [] : Array.from({ length: close - 1 }, (_, i) => i + 1);
  const pick = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[m.at % list.length]);
  switch (m.kind) {
    case 'delete-line': {
      lines.splice(m.at % lines.length, 1);
      return lines.join('\n');
    }
    case 'rename-key': {
      const keyed = yamlLines.filter((i) => /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):/.test(lines[i] ?? ''));
      const i = pick(keyed);
      if (i === undefined) return text;
      lines[i] = (lines[i] as string).replace(/^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):/, (_all, indent: string) => `${indent}${m.replacement}:`);
      return lines.join('\n');
    }
    case 'wrong-type': {
      const valued = yamlLines.filter((i) => /^(\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+)\S/.test(lines[i] ?? ''));
      const i = pick(valued);
      if (i === undefined) return text;
      lines[i] = (lines[i] as string).replace(/^(\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+).*$/, (_all, head: string) => `${head}${m.value}`);
      return lines.join('\n');
    }
    case 'cut-reference': {
      const refs = [...text.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)+(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?/g)];
      const ref = pick(refs);
      if (ref === undefined) return text;
      const keep = 1 + (m.cut % Math.max(1, ref[0].length - 1));
      return text.slice(0, ref.index) + ref[0].slice(0, keep) + text.slice(ref.index + ref[0].length);
    }
  }
}

/** A document of a set and one to three mutations of it. */
function mutated(set: () => Files) {
  return fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([n, ms]) => {
    const names = [...set().keys()];
    const file = names[n % names.length] as string;
    let text = (set().get(file) as Buffer).toString('utf8');
    for (const m of ms) text = mutate(text, m);
    return { file, text, ms };
  });
}

// ------------------------------------------------------------------------------- properties

describe('check, in-process', () => {
  it('arbitrary bytes as a document', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.concat([Buffer.from('---\nkind: agency\nid: x\n'), b])),
      fc.string({ unit: 'grapheme', maxLength: 500 }).map((s) => Buffer.from(`---\n${s}`)),
      fc.array(fc.constantFrom('---\n', '\r\n', '\n', '\r', '\uFEFF', '\u0000', 'kind: ', 'agency', '- ', '  ', ': ', '[', ']', '{', '}', '&a ', '*a', '"', "'", '#', '>', ':::', '`'), { maxLength: 80 }).map((parts) => Buffer.from(parts.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (doc) => {
        await checkProperties(BASE, new Map([['fuzz.md', doc]]));
      }),
      params(300),
    );
  }, 60_000);

  it('arbitrary YAML trees in the frontmatter, beside a generated set', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(frontmatterData, yamlOptions, body, fc.boolean(), async (data, options, text, replace) => {
        const { rest, ...head } = data;
        const value = { ...head, ...rest };
        let yaml: string;
        try {
          yaml = stringify(value, { collectionStyle: options.collectionStyle, defaultStringType: options.defaultStringType });
        } catch {
          return;
        }
        const doc = `---\n${yaml}---\n${text}`.replace(/\n/g, options.lineEnding);
        // beside the set, or in place of one of its documents (so ids collide or go missing)
        const prefix = typeof head.kind === 'string' ? PLACE[head.kind] : undefined;
        const file = (replace && prefix !== undefined ? [...generated.keys()].find((f) => f.startsWith(prefix)) : undefined) ?? 'fuzz.md';
        for (const d of await checkProperties(generated, new Map([[file, Buffer.from(doc)]]))) seen.add(d.ruleId);
      }),
      params(150),
    );
    expect([...seen]).toEqual(expect.arrayContaining(['schema/kind', 'schema/shape', 'set/framework']));
  }, 60_000);

  it('mutations of the generated set: a key renamed, a value of the wrong type, a reference cut short, a line deleted', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(mutated(() => generated), async ({ file, text }) => {
        for (const d of await checkProperties(generated, new Map([[file, Buffer.from(text)]]))) seen.add(d.ruleId);
      }),
      params(150),
    );
    // not vacuous: the mutations reach the parser, the schemas and the set rules
    expect([...seen]).toEqual(expect.arrayContaining(['yaml/syntax', 'schema/shape', 'ref/unknown']));
  }, 60_000);

  it('mutations of protocols/valdoria', async () => {
    if (valdoria.size === 0) return;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(mutated(() => valdoria), async ({ file, text }) => {
        for (const d of await checkProperties(valdoria, new Map([[file, Buffer.from(text)]]))) seen.add(d.ruleId);
      }),
      params(150),
    );
    expect([...seen]).toEqual(expect.arrayContaining(['yaml/syntax', 'schema/shape', 'ref/unknown']));
  }, 60_000);
});

// -------------------------------------------------------------------- through main(), on disk

async function runMain(argv: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd });
  return { code, stdout, stderr };
}

/** Copies a set to a temp folder once; each run rewrites one file and puts it back. */
function onDisk(source: string): { dir: string; withFile<T>(file: string, text: string, run: () => Promise<T>): Promise<T> } {
  const dir = join(tempDir(), 'set');
  cpSync(source, dir, { recursive: true });
  return {
    dir,
    async withFile(file, text, run) {
      const path = join(dir, file);
      const before = readFileSync(path);
      writeFileSync(path, text);
      try {
        return await run();
      } finally {
        writeFileSync(path, before);
      }
    },
  };
}

describe('through main() with fake streams', () => {
  it('check --format json: exit 0, 1 or 2, no stack trace, findings inside their files', async () => {
    const set = onDisk(existsSync(VALDORIA_DIR) ? VALDORIA_DIR : generatedDir);
    const files = () => readSet(set.dir);
    const original = files();
    await fc.assert(
      fc.asyncProperty(mutated(() => original), async ({ file, text }) => {
        await set.withFile(file, text, async () => {
          const result = await runMain(['check', '.', '--format', 'json'], set.dir);
          expect([0, 1, 2]).toContain(result.code);
          expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
          if (result.code === 2) {
            expect(result.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
            return;
          }
          expect(result.stderr).toBe('');
          const report = JSON.parse(result.stdout) as { filePath: string; messages: { line: number; column: number; endLine: number; endColumn: number; ruleId: string }[] }[];
          for (const r of report) {
            const text = textOf(readFileSync(r.filePath));
            for (const m of r.messages) {
              expect(outsideText(text, { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } }), `${r.filePath}:${m.line}:${m.column} ${m.ruleId}`).toBeUndefined();
            }
          }
        });
      }),
      params(20),
    );
  }, 60_000);

  it('render --force: exit 0, 1 or 2, no stack trace, one line on a tool error', async () => {
    if (!existsSync(VALDORIA_DIR)) return;
    const set = onDisk(VALDORIA_DIR);
    const original = readSet(set.dir);
    const out = join(tempDir(), 'out');
    await fc.assert(
      fc.asyncProperty(mutated(() => original), async ({ file, text }) => {
        await set.withFile(file, text, async () => {
          const result = await runMain(['render', '.', '--out', out, '--force', '--format', 'md,html', '--profession', 'police-officer'], set.dir);
          expect([0, 1, 2]).toContain(result.code);
          expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
          expect(result.stderr).not.toMatch(/internal error/);
          if (result.code === 2) expect(result.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
          expect(result.stdout).toBe('');
        });
      }),
      params(12),
    );
  }, 60_000);
});
