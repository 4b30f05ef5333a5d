import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import type { Docs } from '../helpers/test-rule.js';
import { FULL_SET, withChange } from '../coverage/full-set.js';

/** Runs the CLI with fake streams in `cwd`. */
async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

function writeSet(root: string, docs: Docs): void {
  for (const [file, text] of Object.entries(docs)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'protokit-coverage-'));
  writeSet(join(tmp, 'full'), FULL_SET);
  writeSet(join(tmp, 'partial'), withChange('plan.md', (t) => t.replace('    addresses: [men-as-allies, serial-perpetrators-multiple-forms]\n', '').replace('baseline: 10, ', '')));
  mkdirSync(join(tmp, 'empty'));
  writeFileSync(join(tmp, 'empty', 'README.md'), '# Not a protocol document\n');
  writeFileSync(join(tmp, 'bad-config.yaml'), 'rules: [\n');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('protokit coverage', () => {
  it('prints an aligned table by default and exits 0', async () => {
    const { code, stdout, stderr } = await run(['coverage', 'full'], tmp);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`STATUS   STRATEGY${' '.repeat(28)}EVIDENCE`);
    expect(lines[1]).toBe(`met      multisectoral-plan${' '.repeat(18)}full/plan.md:3,8,9`);
    const evidenceColumn = lines[0]?.indexOf('EVIDENCE');
    for (const line of lines.slice(1, 23)) expect(line.slice(evidenceColumn).startsWith(' '), line).toBe(false);
    expect(stdout).toContain('\n22 met, 0 partial, 0 missing (of 22 coordination strategies)\n');
  });

  it('says what is missing under each strategy, in every format', async () => {
    const table = await run(['coverage', 'partial'], tmp);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('missing  men-as-allies                       —\n         └ missing: nothing has `addresses: [men-as-allies]`\n');
    expect(table.stdout).toContain('partial  evidence-and-evaluation             ');
    expect(table.stdout).toContain('19 met, 1 partial, 2 missing (of 22 coordination strategies)');

    const markdown = await run(['coverage', 'partial', '--format', 'markdown'], tmp);
    expect(markdown.stdout).toContain('| Status | Strategy | Evidence | Missing |\n| --- | --- | --- | --- |\n');
    expect(markdown.stdout).toContain('| missing | `men-as-allies`: Men as allies | — | nothing has `addresses: [men-as-allies]` |');

    const json = await run(['coverage', 'partial', '--format', 'json'], tmp);
    const report = JSON.parse(json.stdout) as { summary: unknown; strategies: { id: string; status: string; missing: string[]; parts: { evidence: { file: string; line: number }[] }[] }[] };
    expect(report.summary).toEqual({ met: 19, partial: 1, missing: 2, total: 22 });
    const evidence = report.strategies.find((s) => s.id === 'evidence-and-evaluation');
    expect(evidence?.status).toBe('partial');
    expect(evidence?.missing).toEqual(['indicators without baseline or source: `sart-coverage`']);
    expect(evidence?.parts[1]?.evidence).toEqual([{ file: 'partial/plan.md', line: 17, column: 11, what: 'evaluation `midterm`' }]);
  });

  it('exits 1 when fewer strategies than --min are met', async () => {
    expect((await run(['coverage', 'full', '--min', '22'], tmp)).code).toBe(0);
    expect((await run(['coverage', 'partial', '--min', '19'], tmp)).code).toBe(0);
    const below = await run(['coverage', 'partial', '--min', '20'], tmp);
    expect(below.code).toBe(1);
    expect(below.stderr).toBe('protokit: 19 coordination strategies met, fewer than --min 20\n');
  });

  it('exits 2 on bad input, with one line on stderr', async () => {
    for (const argv of [
      ['coverage', 'full', '--format', 'xml'],
      ['coverage', 'full', '--min', 'many'],
      ['coverage', 'no-such-folder'],
      ['coverage', 'empty'],
      ['coverage', 'full', '--config', 'bad-config.yaml'],
      ['coverage', 'full', '--config', 'missing.yaml'],
    ]) {
      const { code, stdout, stderr } = await run(argv, tmp);
      expect(code, argv.join(' ')).toBe(2);
      expect(stdout, argv.join(' ')).toBe('');
      expect(stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(stderr.startsWith('protokit: '), stderr).toBe(true);
    }
  });

  it('notes a set with several frameworks', async () => {
    writeSet(join(tmp, 'two'), { ...FULL_SET, 'framework-2.md': (FULL_SET['framework.md'] as string).replace('id: test-framework', 'id: other') });
    const { code, stdout } = await run(['coverage', 'two'], tmp);
    expect(code).toBe(0);
    expect(stdout).toContain('note: the set has 2 frameworks; the coordinating body is read from two/framework-2.md');
  });
});
