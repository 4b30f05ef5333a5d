import { describe, expect, it } from 'vitest';
import { github } from '../../src/report/github.js';
import { context, diagnostics, expected } from './fixture.js';

describe('github', () => {
  it('writes one workflow command per finding, escaped as @actions/core escapes', () => {
    expect(github(diagnostics, context)).toBe(expected('github.txt'));
  });

  it('escapes % CR LF : and , in property values', () => {
    const d = {
      ruleId: 'a:b,c',
      severity: 'error' as const,
      message: 'x\r\ny',
      file: 'odd,name:100%\r\n.md',
      range: { start: { line: 1, column: 2 }, end: { line: 1, column: 3 } },
    };
    expect(github([d], context)).toBe('::error file=odd%2Cname%3A100%25%0D%0A.md,line=1,col=2,endLine=1,endColumn=3,title=a%3Ab%2Cc::x%0D%0Ay\n');
  });

  it('writes nothing for a clean set', () => {
    expect(github([], context)).toBe('');
  });
});
