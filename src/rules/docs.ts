import type { Rule } from '../model/rule.js';
import { RULES } from './index.js';

/** The fence language of an example: Markdown when it is a whole document, else YAML frontmatter. */
function fence(text: string): string {
  const lang = text.startsWith('---\n') ? 'markdown' : 'yaml';
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text.replace(/\n+$/, '')}\n${ticks}`;
}

/** One table cell: pipes escaped, on one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The section of one rule. */
function section(rule: Rule): string {
  const runs = rule.checkOnly === true ? '`check`' : '`validate` and `check`';
  const lines = [`## \`${rule.id}\``, '', `Default severity: **${rule.defaultSeverity}**. Runs in ${runs}.`, '', `${rule.description}.`, '', rule.help ?? '—', ''];
  if (rule.examples === undefined) {
    lines.push('Examples: —', '');
  } else {
    lines.push('Failing example:', '', fence(rule.examples.invalid), '', 'Fixed example:', '', fence(rule.examples.valid), '');
  }
  return lines.join('\n');
}

/**
 * The rule reference (docs/rules.md), rendered from the rules' metadata: id, default severity,
 * description, help, and a failing and a fixed example. `npm run docs:rules` writes it; a test keeps
 * the file in step with the rules.
 */
export function renderRulesDoc(rules: readonly Rule[] = RULES): string {
  const head = [
    '# protokit rules',
    '',
    '<!-- Generated from the rules\' metadata (src/rules/docs.ts) by `npm run docs:rules`: do not edit by hand. -->',
    '',
    'Every finding names its rule. Severities are defaults: `protokit.config.yaml` (`rules:`) or `--rule id=severity` may change them or turn a rule `off`, and `protokit-disable-next-line rule-id` comments silence one finding.',
    '',
    '| rule | default | what it finds |',
    '| --- | --- | --- |',
    ...rules.map((r) => `| \`${r.id}\` | ${r.defaultSeverity} | ${cell(r.description)} |`),
    '',
  ];
  return `${[...head, ...rules.map(section)].join('\n').replace(/\n+$/, '')}\n`;
}
