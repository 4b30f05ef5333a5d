/**
 * The Markdown parser (micromark) takes time quadratic in the nesting of containers: a 35 KB body
 * of 5,000 nested `:::` directives takes minutes and gigabytes, 10,000 nested `>` or `-` overflow
 * the stack. Real protocols nest a few levels; this cheap, linear pre-scan refuses a body whose
 * nesting is clearly past any real use before the parser sees it.
 */
export const MAX_MARKDOWN_DEPTH = 100;

const OPEN_DIRECTIVE = /^:{3,}[A-Za-z]/;
const CLOSE_DIRECTIVE = /^:{3,}[ \t]*$/;

/** Offset where the body starts: after a closing `---` or `...` fence, when the text opens one. */
function bodyStart(text: string): number {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0;
  const fence = /^(?:---|\.\.\.)[ \t]*\r?$/gm;
  fence.lastIndex = text.indexOf('\n') + 1;
  const match = fence.exec(text);
  return match === null ? 0 : match.index;
}

/**
 * An upper estimate of the container nesting at each line of a Markdown body (block quotes, list
 * items, indentation, container directives); the offset of the first line past `limit`, or -1.
 */
export function tooDeepAt(text: string, limit = MAX_MARKDOWN_DEPTH): number {
  let directives = 0;
  let lineStart = bodyStart(text);
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let i = lineStart;
    let indent = 0;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) indent += text[i++] === '\t' ? 4 : 1;
    let markers = 0;
    for (;;) {
      const c = text[i];
      if (c === '>') i++;
      else if ((c === '-' || c === '+' || c === '*') && (i + 1 === lineEnd || text[i + 1] === ' ' || text[i + 1] === '\t')) i++;
      else {
        let j = i;
        while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        if (j === i || (text[j] !== '.' && text[j] !== ')') || !(j + 1 === lineEnd || text[j + 1] === ' ' || text[j + 1] === '\t')) break;
        i = j + 1;
      }
      markers++;
      while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    }
    const rest = text.slice(i, Math.min(lineEnd, i + 8));
    if (OPEN_DIRECTIVE.test(rest)) directives++;
    else if (CLOSE_DIRECTIVE.test(text.slice(i, lineEnd)) && directives > 0) directives--;
    if (Math.floor(indent / 2) + markers + directives > limit) return lineStart;
    lineStart = lineEnd + 1;
  }
  return -1;
}
