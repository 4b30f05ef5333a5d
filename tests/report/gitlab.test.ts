import { describe, expect, it } from 'vitest';
import { gitlab } from '../../src/report/gitlab.js';
import { context, diagnostics, expected } from './fixture.js';

describe('gitlab', () => {
  it('writes one Code Quality issue per finding', () => {
    expect(gitlab(diagnostics, context)).toBe(expected('gitlab.json'));
  });

  it('has every field GitLab requires', () => {
    for (const issue of JSON.parse(gitlab(diagnostics, context)) as Record<string, unknown>[]) {
      expect(issue).toMatchObject({
        description: expect.any(String),
        check_name: expect.any(String),
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/),
        location: { path: expect.any(String), lines: { begin: expect.any(Number) } },
      });
    }
  });

  it('writes an empty array for a clean set', () => {
    expect(gitlab([], context)).toBe('[]\n');
  });
});
