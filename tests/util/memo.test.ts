import { describe, expect, it } from 'vitest';
import { remember } from '../../src/util/memo.js';

describe('remember', () => {
  it('computes a key once, keeps at most the limit, and starts afresh when full', () => {
    const map = new Map<string, number>();
    let calls = 0;
    const square = (n: number): number => remember(map, String(n), 3, () => (calls++, n * n));
    expect([square(2), square(2), square(3), square(4)]).toEqual([4, 4, 9, 16]);
    expect(calls).toBe(3);
    expect([...map.keys()]).toEqual(['2', '3', '4']);
    // full: the next new key empties the map first
    expect(square(5)).toBe(25);
    expect([...map.keys()]).toEqual(['5']);
    expect(square(2)).toBe(4);
    expect(calls).toBe(5);
  });
});
