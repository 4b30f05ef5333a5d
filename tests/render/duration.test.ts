import { describe, expect, it } from 'vitest';
import { formatLength, formatWithin, parseDuration } from '../../src/render/duration.js';
import { Translator } from '../../src/render/i18n.js';

const en = new Translator('en');
const es = new Translator('es');
const fr = new Translator('fr');

describe('timeframes written for people', () => {
  it('parses ISO 8601 durations and `immediate`', () => {
    expect(parseDuration('PT1H')).toEqual([{ unit: 'hour', count: 1 }]);
    expect(parseDuration('P1DT12H')).toEqual([{ unit: 'day', count: 1 }, { unit: 'hour', count: 12 }]);
    expect(parseDuration('P2W')).toEqual([{ unit: 'week', count: 2 }]);
    expect(parseDuration('immediate')).toBe('immediate');
    expect(parseDuration('PT0H')).toBe('immediate');
    for (const bad of ['', 'P', 'PT', '1H', 'P1H', 'soon', 'P1DT']) expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('writes them in English, Spanish and French', () => {
    expect(formatWithin('PT1H', en)).toBe('within 1 hour');
    expect(formatWithin('P3D', en)).toBe('within 3 days');
    expect(formatWithin('PT72H', en)).toBe('within 72 hours');
    expect(formatWithin('P1DT12H', en)).toBe('within 1 day and 12 hours');
    expect(formatWithin('PT1H', es)).toBe('en 1 hora');
    expect(formatWithin('P3D', es)).toBe('en 3 días');
    expect(formatWithin('P1M', es)).toBe('en 1 mes');
    expect(formatWithin('PT1H', fr)).toBe("dans un délai d'1 heure");
    expect(formatWithin('P3D', fr)).toBe('dans un délai de 3 jours');
    expect(formatWithin('P1Y', fr)).toBe("dans un délai d'1 an");
    expect(formatWithin('immediate', en)).toBe('immediately');
    expect(formatWithin('immediate', es)).toBe('de inmediato');
    expect(formatWithin('immediate', fr)).toBe('immédiatement');
  });

  it('keeps what it cannot read, and is empty for nothing', () => {
    expect(formatWithin('soon', en)).toBe('within soon');
    expect(formatWithin(undefined, en)).toBe('');
    expect(formatWithin(42, en)).toBe('');
    expect(formatLength('P3M', en)).toBe('3 months');
    expect(formatLength('P14D', fr)).toBe('14 jours');
  });
});
