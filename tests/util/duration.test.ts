import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/util/duration.js';

const HOUR = 3_600_000;

describe('parseDuration', () => {
  it('reads hours, days, weeks, months and years with fixed lengths', () => {
    expect(parseDuration('PT1H')).toBe(HOUR);
    expect(parseDuration('PT72H')).toBe(parseDuration('P3D'));
    expect(parseDuration('P2W')).toBe(14 * 24 * HOUR);
    expect(parseDuration('P1M')).toBe(30 * 24 * HOUR);
    expect(parseDuration('P1Y')).toBe(365 * 24 * HOUR);
    expect(parseDuration('P1DT12H30M15S')).toBe(36.5 * HOUR + 15_000);
    expect(parseDuration('PT1.5H')).toBe(1.5 * HOUR);
    expect(parseDuration('PT0,5H')).toBe(0.5 * HOUR);
  });
  it('reads `immediate` as zero', () => {
    expect(parseDuration('immediate')).toBe(0);
  });
  it('rejects what is not a duration', () => {
    for (const value of ['P', 'PT', 'P1DT', '72H', 'P1H', 'soon', '', 72, undefined, null]) expect(parseDuration(value), String(value)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it('writes hours up to three days, then days', () => {
    expect(formatDuration(0)).toBe('PT0S');
    expect(formatDuration(48 * HOUR)).toBe('PT48H');
    expect(formatDuration(84 * HOUR)).toBe('PT84H');
    expect(formatDuration(96 * HOUR)).toBe('P4D');
    expect(formatDuration(4.5 * 24 * HOUR)).toBe('P4DT12H');
    expect(formatDuration(90 * 60_000 + 5000)).toBe('PT1H30M5S');
  });
});
