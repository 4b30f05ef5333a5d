/** Joins words for a message: `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[], last = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1] ?? ''}`;
}

/** Wraps each value in backticks. */
export function code(values: readonly string[]): string[] {
  return values.map((v) => `\`${v}\``);
}
