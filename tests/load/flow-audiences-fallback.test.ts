import type { Event } from 'micromark-util-types';
import { describe, expect, it, vi } from 'vitest';

/**
 * `audiencesFromFlow` reads the flow events micromark keeps with the flow tokenizer of each
 * `chunkFlow` token (`_tokenizer`, as micromark's own `subtokenize` does). A micromark that kept
 * them elsewhere must send the file to the full walk, never give a body without containers:
 * here micromark's document tokenizer is wrapped to leave `_tokenizer` out.
 */
vi.mock('../../src/vendor/check-deps.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/vendor/check-deps.js')>();
  type Parser = ReturnType<typeof real.parse>;
  const parse = (...args: Parameters<typeof real.parse>): Parser => {
    const parser = real.parse(...args);
    return {
      ...parser,
      document: (...rest: Parameters<Parser['document']>) => {
        const tokenizer = parser.document(...rest);
        return {
          ...tokenizer,
          write: (chunks: Parameters<typeof tokenizer.write>[0]): Event[] => {
            const events = tokenizer.write(chunks);
            for (const [, token] of events) if (token.type === 'chunkFlow') delete token._tokenizer;
            return events;
          },
        };
      },
    } as Parser;
  };
  return { ...real, parse };
});

const { audiencesFromFlow } = await import('../../src/load/body-events.js');
const { parseFile } = await import('../../src/load/parse-file.js');

describe('audience containers from flow events, without the flow tokenizers', () => {
  it('are not given: the full facts are taken, and find the container', () => {
    const bytes = Buffer.from('---\nkind: meeting\nid: m\n---\n# Minutes\n\n:::audience{professions="nurse"}\nFor nurses.\n:::\n');
    const full = parseFile('m.md', bytes);
    expect(full.body.audiences.map((a) => a.professions)).toEqual([['nurse']]);
    expect(audiencesFromFlow(full)).toBeUndefined();
    expect(parseFile('m.md', bytes, { audiencesOnly: true }).body).toEqual(full.body);
  });
});
