import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../src/rules/docs.js';
import { defineRule } from '../../src/model/rule.js';

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
});
