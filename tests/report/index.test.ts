import { describe, expect, it } from 'vitest';
import { REPORTERS } from '../../src/report/index.js';
import { REPORTER_NAMES } from '../../src/report/reporter.js';

describe('REPORTERS', () => {
  it('has a reporter for every format name, and nothing else', () => {
    expect(Object.keys(REPORTERS).sort()).toEqual([...REPORTER_NAMES].sort());
    for (const name of REPORTER_NAMES) expect(typeof REPORTERS[name]).toBe('function');
  });
});
