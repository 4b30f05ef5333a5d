/**
 * The js-yaml fast path of frontmatter data (src/load/fast-yaml.ts) against the `yaml` path it
 * replaces: whenever the fast path gives data, `yaml` gives exactly that data (key order, types,
 * -0, NaN, own `__proto__`) and no error; every document `yaml` reports on is declined.
 *
 * (a) every frontmatter of the repository's fixtures, protocols and generated bench sets;
 * (b) fast-check: YAML built from a grammar of tricky scalars and layouts, and mutations of it;
 * (c) findings of broken documents are the ones the `yaml` path gives.
 *
 * PROTOKIT_PROPERTY_RUNS raises every count (PROTOKIT_PROPERTY_SEED changes the seed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastYamlData } from '../../src/load/fast-yaml.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/load/limits.js';
import { parseFile } from '../../src/load/parse-file.js';
import { markdownFiles } from '../helpers/files.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = Number(process.env['PROTOKIT_PROPERTY_SEED'] ?? 20260611);
const RAISED = Number(process.env['PROTOKIT_PROPERTY_RUNS'] ?? 0);
const runs = (n: number): number => (RAISED > 0 ? RAISED : n);

/** What the `yaml` path of parseFrontmatter makes of a YAML text: data, or a finding. */
function yamlPath(source: string, limits: Limits = DEFAULT_LIMITS): { data: unknown } | { finding: string } {
  const doc = parseDocument(source, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  if (doc.errors.length > 0) return { finding: doc.errors.map((e) => e.code).join(',') };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases + 1 });
  } catch (error) {
    return { finding: (error as Error).message };
  }
  return { data };
}

/**
 * Where two values differ ('' when they are the same): Object.is on primitives (-0 ≠ 0, NaN = NaN),
 * arrays item by item, objects by prototype, own keys in order and property descriptors.
 */
function difference(a: unknown, b: unknown, at = '$'): string {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return Object.is(a, b) && typeof a === typeof b ? '' : `${at}: ${describe1(a)} ≠ ${describe1(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs object`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.length !== keysB.length || keysA.some((k, i) => k !== keysB[i])) {
    return `${at}: keys ${JSON.stringify(keysA.map(String))} ≠ ${JSON.stringify(keysB.map(String))}`;
  }
  for (const key of keysA) {
    const da = Object.getOwnPropertyDescriptor(a, key) as PropertyDescriptor;
    const db = Object.getOwnPropertyDescriptor(b, key) as PropertyDescriptor;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable) return `${at}.${String(key)}: descriptors differ`;
    const inner = difference(da.value, db.value, `${at}.${String(key)}`);
    if (inner !== '') return inner;
  }
  return '';
}

function describe1(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0 (number)' : `${v} (number)`;
  return `${JSON.stringify(v)} (${v === null ? 'null' : typeof v})`;
}

/** Fast path taken ⇒ the `yaml` path gives no finding and the same data. Returns whether it was taken. */
function expectAgreement(source: string, limits: Limits = DEFAULT_LIMITS): boolean {
  const fast = fastYamlData(source, limits);
  if (fast === undefined) return false;
  const slow = yamlPath(source, limits);
  if ('finding' in slow) throw new Error(`the fast path accepted YAML that \`yaml\` reports (${slow.finding}):\n${source}`);
  const diff = difference(fast.data, slow.data);
  if (diff !== '') throw new Error(`the fast path gives other data (${diff}):\n${source}`);
  return true;
}

// ---------------------------------------------------------------------------------------------
// (a) every frontmatter of the repository


/** The YAML text of a file's frontmatter, cut where the loader cuts it. */
function frontmatterOf(path: string): string | undefined {
  const file = parseFile(relative(ROOT, path), readFileSync(path));
  return file.yaml === undefined ? undefined : file.text.slice(file.yaml.offset, file.yaml.offset + file.yaml.length);
}

describe('fast frontmatter data: the repository', () => {
  const required = ['tests/fixtures', 'protocols'];
  const optional = ['.bench/n25', '.bench/n250'];

  it('finds the fixtures and the protocols', () => {
    for (const dir of required) expect(existsSync(join(ROOT, dir)), dir).toBe(true);
  });

  for (const dir of [...required, ...optional.filter((d) => existsSync(join(ROOT, d)))]) {
    it(`gives the data of the yaml path for every frontmatter of ${dir}`, () => {
      let frontmatters = 0;
      let fast = 0;
      for (const path of markdownFiles(join(ROOT, dir))) {
        const source = frontmatterOf(path);
        if (source === undefined) continue;
        frontmatters++;
        if (expectAgreement(source)) fast++;
      }
      expect(frontmatters).toBeGreaterThan(0);
      if (dir.startsWith('.bench/')) {
        // generated sets are what the fast path is for: nearly all of them take it
        expect(fast / frontmatters).toBeGreaterThan(0.95);
      } else {
        expect(fast).toBeGreaterThan(0);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// (b) properties over generated YAML

const NUMBERS = [
  '0', '-0', '+0', '00', '007', '-007', '08', '0o17', '0O17', '0o8', '0o', '-0o17', '0x1F', '0x1f', '0X1F', '0xg', '-0x1F', '0x',
  '0b101', '1_000', '1,000', '+12', '-12', '12345678901234567890', '9007199254740993', '1.5', '-1.5', '+1.5', '.5', '-.5', '+.5',
  '1.', '-1.', '1.0', '1.50', '0.0', '-0.0', '+0.0', '1e3', '1E3', '1e+3', '1e-3', '-1e3', '1.5e-3', '.5e3', '1.e3', '1e', 'e3',
  '1e3.5', '6.8523015e+5', '685.230_15e+03', '190:20:30', '1:20', '.inf', '-.inf', '+.inf', '.Inf', '-.Inf', '.INF', '-.INF',
  '.iNf', 'inf', '-inf', 'Infinity', '-Infinity', '.nan', '.NaN', '.NAN', '.nAn', 'NaN', 'nan', '+.nan', '-.nan', '1..5', '--1',
  '0.1.2', '1 000', '1e1000', '-1e1000', '4.9e-324', '1e-400', '0x7FFFFFFFFFFFFFFF', '0o777777777777777777777',
];
const BOOLS = ['true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'fAlse', 'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N'];
const NULLS = ['~', 'null', 'Null', 'NULL', 'nUll', 'none', 'None', '~~', 'null null'];
const DATES = ['2026-01-01', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2002-12-14', '12:30', '12:30:45', 'P3D', 'PT1H', '2026-13-45'];
const WORDS = [
  'hello world', "Children's advocacy", 'a-b', 'x_y', 'foo.bar', 'a:b', 'a;b', 'https://example.com/a?b=c', 'café', '日本語', 'emoji 🎉',
  'x-y-z', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'a - b', 'a:', 'a : b', 'Mon-Fri 08:00-18:00', '+000 405 8837',
  'a % b', 'a @ b', '50%', 'q?', 'x=y', 'a/b', 'end.', 'trailing spaces   ', 'a  b', '-', '--', '.', '..', '=', '<', '>=', 'a|b', 'a>b',
  '@start', '`tick', '%pct', ',comma', ']close', '}close', '|', '>', '-x', ':x', 'a, b', 'a [b]', 'a {b}', "it's", 'say "hi"',
];
const QUOTED = [
  '""', "''", '"plain"', "'plain'", '"a # b"', "'a # b'", "'it''s'", '"say \\"hi\\""', '"tab\\there"', '"nl\\nhere"', '"\\x41\\u00e9\\U0001F600"',
  '"\\/ \\_ \\N \\L \\P \\0 \\a \\b \\e \\v \\f \\r \\\\ \\ "', '"\\q"', '"\\x4"', '"\\ud800"', '"unterminated', "'unterminated", '"a\\',
  '"123"', "'true'", '"null"', "'~'", '"-0"', '"__proto__"', "'constructor'", '"multi\n  line"', "'multi\n\n  line'", '"esc \\\n  aped"',
  '"a"b', "'a'b", '"a" b', '"é ü ß"', "'🎉'",
];
/** Multi-line plain scalars (continuation lines are indented one step past their key). */
const MULTILINE = ['first line\nsecond line', 'one\n\ntwo', 'a -\nb', 'k\n- not a list', 'p\n# not a comment', 'x\ny: z', '1\n2', 'true\nfalse', 'a\n  b\n c'];
const plainScalar = fc.constantFrom(...NUMBERS, ...BOOLS, ...NULLS, ...DATES, ...WORDS, ...MULTILINE);
const scalar = fc.oneof({ weight: 5, arbitrary: plainScalar }, { weight: 2, arbitrary: fc.constantFrom(...QUOTED) });
const KEYS = [
  'kind', 'id', 'name', 'a', 'b', 'x-notes', '__proto__', 'constructor', 'toString', '1', '01', '1.0', '-0', '0x10', 'true', 'True', 'yes', 'null',
  '~', 'NULL', '.inf', '.nan', '"quoted key"', "'single key'", '"null"', '"__proto__"', 'with space', 'é', '2026-01-01', '10', '2', '-1',
];
const key = fc.constantFrom(...KEYS);
const comment = fc.constantFrom('', '', '', ' # a comment', ' #', ' # protokit-disable-next-line x', '  #: not a key');

/** Flow collections, written on one line or spread over several. */
const { flow } = fc.letrec<{ flow: string; flowItem: string }>((tie) => ({
  flowItem: fc.oneof({ depthSize: 'small' }, fc.constantFrom(...NUMBERS, ...BOOLS, ...NULLS, ...WORDS.filter((w) => !/[,[\]{}]/.test(w)), ...QUOTED.slice(0, 14)), tie('flow')),
  flow: fc.oneof(
    fc.array(tie('flowItem'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(key, fc.option(tie('flowItem'), { nil: undefined })), { maxLength: 4 }).map(
      (pairs) => `{ ${pairs.map(([k, v]) => (v === undefined ? k : `${k}: ${v}`)).join(', ')} }`,
    ),
    fc.tuple(fc.array(tie('flowItem'), { minLength: 1, maxLength: 3 }), fc.constantFrom(',\n', ', \n', ',\n\n')).map(([items, sep]) => `[ ${items.join(sep)} ]`),
    fc.constantFrom('[]', '{}', '[ ]', '{ }', '[a,]', '{a: 1,}', '[a: b]', '{a}', '{a: }', '[a, [b, c]]', '{a: [1, 2]}', '{"a":1}', '{"a":b}', '{a:b}', '[,]', '[a b]', '{a: 1 b: 2}', '[[a]]: x'),
  ),
}));

/** A block scalar: header (style, chomping, indentation indicator, comment) and its lines. */
const blockScalar = fc
  .record({
    style: fc.constantFrom('|', '>'),
    chomp: fc.constantFrom('', '-', '+'),
    indicator: fc.constantFrom('', '', '', '1', '2', '4'),
    headComment: fc.constantFrom('', '', ' # c'),
    lines: fc.array(fc.oneof(fc.constantFrom('', '', ' ', '  ', '    '), fc.tuple(fc.constantFrom('', '', '', ' ', '  ', '    '), fc.constantFrom(...WORDS, ...NUMBERS.slice(0, 6), '# not a comment', '- not a list', 'k: v')).map(([pad, w]) => pad + w)), { minLength: 0, maxLength: 6 }),
  })
  .map(({ style, chomp, indicator, headComment, lines }) => ({ header: `${style}${chomp}${indicator}${headComment}`, lines, indicator }));

type Node =
  | { t: 'scalar'; text: string; comment: string }
  | { t: 'empty'; comment: string }
  | { t: 'flow'; text: string }
  | { t: 'block'; header: string; lines: string[]; indicator: string }
  | { t: 'map'; entries: [string, Node][]; step: number }
  | { t: 'seq'; items: Node[]; step: number; indentless: boolean };

const { node } = fc.letrec<{ node: Node; map: Node; seq: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('scalar' as const), text: scalar, comment }),
    fc.record({ t: fc.constant('empty' as const), comment }),
    fc.record({ t: fc.constant('flow' as const), text: flow }),
    blockScalar.map((b) => ({ t: 'block' as const, ...b })),
    tie('map'),
    tie('seq'),
  ),
  map: fc.record({ t: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('node')), { maxLength: 5 }), step: fc.constantFrom(2, 2, 1, 4) }),
  seq: fc.record({ t: fc.constant('seq' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 4 }), step: fc.constantFrom(2, 2, 4), indentless: fc.boolean() }),
}));

const pad = (n: number): string => ' '.repeat(n);

/** Lines of a block scalar's body at `indent` (an indentation indicator counts from the parent). */
function blockLines(b: { header: string; lines: string[]; indicator: string }, parent: number, indent: number): string[] {
  const at = b.indicator === '' ? indent : parent + Number(b.indicator);
  return b.lines.map((l) => (l.trim() === '' ? l : pad(at) + l));
}

/** Renders what follows `key:` or `-` for a node whose owner sits at column `indent`. */
function after(n: Node, indent: number, extraLines: string[], step: number): string {
  switch (n.t) {
    case 'scalar':
      return ` ${n.text.replace(/\n/g, `\n${pad(indent + step)}`)}${n.comment}`;
    case 'empty':
      return n.comment;
    case 'flow':
      return ` ${n.text.replace(/\n/g, `\n${pad(indent + step)}`)}`;
    case 'block':
      extraLines.push(...blockLines(n, indent, indent + step));
      return ` ${n.header}`;
    case 'map':
      if (n.entries.length === 0) return ' {}';
      extraLines.push(...renderMap(n, indent + n.step));
      return '';
    case 'seq':
      extraLines.push(...renderSeq(n, n.indentless ? indent : indent + n.step));
      return '';
  }
}

function renderMap(m: Extract<Node, { t: 'map' }>, indent: number): string[] {
  const out: string[] = [];
  for (const [k, v] of m.entries) {
    const extra: string[] = [];
    out.push(`${pad(indent)}${k}:${after(v, indent, extra, m.step)}`, ...extra);
  }
  return out;
}

function renderSeq(s: Extract<Node, { t: 'seq' }>, indent: number): string[] {
  const out: string[] = [];
  for (const item of s.items) {
    if (item.t === 'map' && item.entries.length > 0) {
      // compact: the first key on the dash's line
      const lines = renderMap(item, indent + 2);
      out.push(`${pad(indent)}- ${(lines[0] as string).trimStart()}`, ...lines.slice(1));
    } else {
      const extra: string[] = [];
      out.push(`${pad(indent)}-${after(item, indent, extra, 2)}`, ...extra);
    }
  }
  return out;
}

/** A frontmatter: usually a mapping (as protocol documents have), sometimes a list or a scalar. */
const document = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('map' as const), entries: fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 6 }), step: fc.constantFrom(2, 2, 1, 4) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('seq' as const), items: fc.array(node, { minLength: 1, maxLength: 4 }), step: fc.constant(2), indentless: fc.constant(true) }) },
  { weight: 1, arbitrary: fc.oneof(scalar, flow, fc.constantFrom('', '\n', '# only a comment\n', '\n\n  \n')) },
).map((d) => (typeof d === 'string' ? d : `${(d.t === 'map' ? renderMap(d, 0) : renderSeq(d, 0)).join('\n')}\n`));

const MUTATION_CHARS = [' ', ' ', '  ', '\n', ':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '|', '>', '\\', '.', '0', 'a', 'é', '%', '@', '`', '\n  ', '\n- '];
/** A document with a few characters inserted, deleted or replaced: mostly broken YAML. */
const mutated = fc
  .tuple(document, fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...MUTATION_CHARS)), { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => {
    let s = text;
    for (const [at, op, ch] of edits) {
      const i = s.length === 0 ? 0 : at % s.length;
      s = op === 'insert' ? s.slice(0, i) + ch + s.slice(i) : op === 'delete' ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i + 1);
    }
    return s;
  });

describe('fast frontmatter data: properties', () => {
  it('gives the data of the yaml path for generated YAML whenever it is taken', () => {
    let taken = 0;
    let total = 0;
    fc.assert(
      fc.property(document, (source) => {
        total++;
        if (expectAgreement(source)) taken++;
      }),
      { seed: SEED, numRuns: runs(3000), endOnFailure: true },
    );
    // the grammar is mostly valid, guard-free YAML: the property is not vacuous
    expect(taken / total).toBeGreaterThan(0.15);
  });

  it('declines every mutation that the yaml path reports', () => {
    let taken = 0;
    fc.assert(
      fc.property(mutated, (source) => {
        if (expectAgreement(source)) taken++;
      }),
      { seed: SEED + 1, numRuns: runs(3000), endOnFailure: true },
    );
    expect(taken).toBeGreaterThan(0);
  });

  it('agrees on every tricky scalar as a value, a key and a list item', () => {
    for (const s of [...NUMBERS, ...BOOLS, ...NULLS, ...DATES, ...WORDS, ...QUOTED]) {
      expectAgreement(`v: ${s}\n`);
      expectAgreement(`${s}: v\n`);
      expectAgreement(`- ${s}\n`);
      expectAgreement(`[${s}]\n`);
      expectAgreement(`{k: ${s}}\n`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// scalars and keys, spelled out

describe('fast frontmatter data: scalars and keys', () => {
  const data = (source: string): unknown => fastYamlData(source, DEFAULT_LIMITS)?.data;

  it('resolves scalars by the YAML 1.2 core schema of yaml, not YAML 1.1', () => {
    const got = data('a: 0o17\nb: 0x1F\nc: 017\nd: 0b101\ne: 1_000\nf: +12\ng: .5\nh: 1.\ni: -.INF\nj: .NaN\nk: ~\nl:\nm: yes\nn: True\no: -0\np: 1e3\nq: 2026-01-01\nr: .iNf\n') as Record<string, unknown>;
    expect(got).toEqual({ a: 15, b: 31, c: 17, d: '0b101', e: '1_000', f: 12, g: 0.5, h: 1, i: -Infinity, j: NaN, k: null, l: null, m: 'yes', n: true, o: -0, p: 1000, q: '2026-01-01', r: '.iNf' });
    expect(Object.is(got['o'], -0)).toBe(true);
    expect(Object.keys(got)).toEqual('abcdefghijklmnopqr'.split(''));
  });

  it('keeps `__proto__` and `constructor` as ordinary own keys, on a plain object', () => {
    const got = data('__proto__: { polluted: true }\nconstructor: x\n') as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.hasOwn(got, '__proto__')).toBe(true);
    expect(Object.keys(got)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(difference(got, (yamlPath('__proto__: { polluted: true }\nconstructor: x\n') as { data: unknown }).data)).toBe('');
  });

  it('gives null for an empty frontmatter, like yaml', () => {
    expect(fastYamlData('', DEFAULT_LIMITS)).toEqual({ data: null });
    expect(fastYamlData('# a comment\n\n', DEFAULT_LIMITS)).toEqual({ data: null });
  });

  it('declines what it cannot prove: null keys, collection keys, anchors, tags, directives, tabs', () => {
    for (const source of [
      '~: a\n', 'null: a\n', ': a\n', '[a]: b\n', '{ [a] }\n', '{a: 1}: b\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.2\n---\na: 1\n',
      '? a\n: b\n', '<<: {a: 1}\n', 'a:\tb\n', 'a: 1\r\nb: 2\r\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\n', 'a: "x"#c\n', `a: ${'x'.repeat(2000)}\n`,
      'a: b\u2028c\n', '\ufeffa: 1\n',
    ]) {
      expect(fastYamlData(source, DEFAULT_LIMITS), JSON.stringify(source)).toBeUndefined();
    }
  });

  it('declines duplicate keys, also when only the resolved values collide', () => {
    for (const source of ['a: 1\na: 2\n', '1: a\n01: b\n', '1: a\n1.0: b\n', 'true: a\n"true": b\n', '{a: 1, a: 2}\n']) {
      expect(fastYamlData(source, DEFAULT_LIMITS), source).toBeUndefined();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// limits

describe('fast frontmatter data: limits', () => {
  const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}\n`;

  it('takes nesting up to maxYamlDepth and declines one level more', () => {
    const limits: Limits = { ...DEFAULT_LIMITS, maxYamlDepth: 5 };
    expect(fastYamlData(nested(5), limits)).toBeDefined();
    expect(expectAgreement(nested(5), limits)).toBe(true);
    expect(fastYamlData(nested(6), limits)).toBeUndefined();
    // the root mapping is level 1, the `{}` level 5
    expect(expectAgreement('a:\n  b:\n    c:\n      d: {}\n', limits)).toBe(true);
    expect(fastYamlData('a:\n  b:\n    c:\n      d: { f: [] }\n', limits)).toBeUndefined();
    expect(fastYamlData('a:\n  b:\n    c:\n      d:\n        - []\n', limits)).toBeUndefined();
  });

  it('declines hostile nesting without a crash, whatever the limit', () => {
    for (const depth of [1000, 20000]) {
      expect(fastYamlData(nested(depth), DEFAULT_LIMITS)).toBeUndefined();
      expect(fastYamlData(nested(depth), { ...DEFAULT_LIMITS, maxYamlDepth: 1_000_000 })).toBeUndefined();
      expect(fastYamlData(`${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`, { ...DEFAULT_LIMITS, maxYamlDepth: 1_000_000 })).toBeUndefined();
    }
  });

  it('leaves aliases to yaml, which counts them', () => {
    const bomb = `a: &a [x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n`;
    expect(fastYamlData(bomb, DEFAULT_LIMITS)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// (c) findings of broken frontmatters: the ones the yaml path gave before the fast path

describe('fast frontmatter data: findings', () => {
  const findings = (yaml: string, limits?: Limits): { ruleId: string; line: number; column: number; message: string }[] => {
    const file = parseFile('doc.md', Buffer.from(`---\n${yaml}---\n\n# Body\n`), limits === undefined ? {} : { limits });
    return file.diagnostics.map((d) => ({ ruleId: d.ruleId, line: d.range.start.line, column: d.range.start.column, message: d.message }));
  };

  it('reports a duplicate key where it is, naming the first one', () => {
    expect(findings('kind: agency\nid: a\nid: b\n')).toEqual([
      { ruleId: 'yaml/syntax', line: 4, column: 1, message: 'The key `id` appears twice in this mapping (also on line 3): keep one, YAML keys must be unique' },
    ]);
  });

  it('reports bad indentation as a syntax error', () => {
    expect(findings('kind: agency\nid: a\nroles:\n  - id: x\n   title: y\n')).toEqual([
      { ruleId: 'yaml/syntax', line: 6, column: 1, message: 'The frontmatter is not valid YAML (Sequence item without - indicator): fix the syntax' },
    ]);
  });

  it('reports an alias without anchor, and an alias bomb past maxAliases', () => {
    expect(findings('kind: agency\nid: *nowhere\n')).toEqual([
      { ruleId: 'yaml/syntax', line: 3, column: 5, message: 'The alias `*nowhere` has no anchor `&nowhere` before it: define the anchor first, or write the value out' },
    ]);
    expect(findings('kind: agency\nid: a\nx: &x [1]\ny: [*x, *x, *x]\n', { ...DEFAULT_LIMITS, maxAliases: 2 })).toEqual([
      { ruleId: 'yaml/syntax', line: 5, column: 5, message: 'The frontmatter expands YAML aliases more than 2 times (an alias bomb?): write the values out, or raise `limits.maxAliases` in protokit.config.yaml' },
    ]);
  });

  it('reports nesting past maxYamlDepth', () => {
    expect(findings('kind: agency\nid: a\nx: [[[[1]]]]\n', { ...DEFAULT_LIMITS, maxYamlDepth: 3 })).toEqual([
      { ruleId: 'yaml/syntax', line: 2, column: 1, message: 'The frontmatter is nested deeper than 3 levels: flatten it, or raise `limits.maxYamlDepth` in protokit.config.yaml' },
    ]);
  });

  it('reports a wrong kind at the value, found by the lazy re-parse', () => {
    expect(findings('kind: agenzy\nid: a\n')).toEqual([
      { ruleId: 'schema/kind', line: 2, column: 7, message: '`agenzy` is not a document kind: did you mean `agency`?' },
    ]);
  });
});
