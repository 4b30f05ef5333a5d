import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../src/rules/docs.js';
import { parseDocument } from 'yaml';
import { defineRule } from '../../src/model/rule.js';
import { RULES } from '../../src/rules/index.js';

describe('docs/rules.md', () => {
  it('is the rendering of the rules’ metadata (regenerate with `npm run docs:rules`)', () => {
    const file = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(file).toBe(renderRulesDoc());
  });

  it('renders a rule with its examples, and a dash where help and examples are absent', () => {
    const withExamples = defineRule({ id: 'a/b', scope: 'set', defaultSeverity: 'warning', checkOnly: true, description: 'Finds a | b', help: 'Why.', messages: {}, examples: { invalid: 'kind: plan', valid: '---\nkind: plan\n---\n# Body\n' } });
    const bare = defineRule({ id: 'c/d', scope: 'document', defaultSeverity: 'error', description: 'Finds c', messages: {} });
    const text = renderRulesDoc([withExamples, bare]);
    expect(text).toContain('| `a/b` | warning | Finds a \\| b |\n| `c/d` | error | Finds c |\n');
    expect(text).toContain('## `a/b`\n\nDefault severity: **warning**. Runs in `check`.\n\nFinds a | b.\n\nWhy.\n\nFailing example:\n\n```yaml\nkind: plan\n```\n\nFixed example:\n\n```markdown\n---\nkind: plan\n---\n# Body\n```\n');
    expect(text).toContain('## `c/d`\n\nDefault severity: **error**. Runs in `validate` and `check`.\n\nFinds c.\n\n—\n\nExamples: —\n');
  });

  it('fences an example that holds a code block with four backticks, so the block stays inside it', () => {
    const rule = defineRule({ id: 'e/f', scope: 'set', defaultSeverity: 'warning', description: 'Finds e', messages: {}, examples: { invalid: '---\nkind: agency\n---\n```\nvictim\n```\n', valid: 'kind: agency' } });
    expect(renderRulesDoc([rule])).toContain('Failing example:\n\n````markdown\n---\nkind: agency\n---\n```\nvictim\n```\n````\n\nFixed example:\n\n```yaml\nkind: agency\n```\n');
  });

  it('gives every rule a failing and a fixed example', () => {
    expect(RULES.filter((rule) => rule.examples === undefined).map((rule) => rule.id)).toEqual([]);
  });

  it('writes every fixed example, and every failing one but that of yaml/syntax, as valid YAML', () => {
    // a Markdown example's frontmatter, or each `---`-separated document of a YAML example
    const yamlOf = (text: string): string[] => (text.startsWith('---\n') ? [text.slice(4, text.indexOf('\n---', 4))] : text.split('\n---\n'));
    const broken = (text: string): string[] => yamlOf(text).flatMap((part) => parseDocument(part, { uniqueKeys: true }).errors.map((e) => e.message));
    for (const rule of RULES) {
      if (rule.examples === undefined) continue;
      expect(broken(rule.examples.valid), `${rule.id}: fixed example`).toEqual([]);
      if (rule.id === 'yaml/syntax') expect(broken(rule.examples.invalid)).not.toEqual([]);
      else expect(broken(rule.examples.invalid), `${rule.id}: failing example`).toEqual([]);
    }
  });
});
