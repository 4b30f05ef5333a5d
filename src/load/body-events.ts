import { directive, frontmatter, parse, parseEntities, postprocess, preprocess } from '../vendor/check-deps.js';
import type { Event, Extension, Token, TokenizeContext } from 'micromark-util-types';
import type { Range } from '../model/diagnostic.js';
import { packProse, termUse, type AudienceBlock, type BodyFacts, type ParsedFile, type ProseRun, type Suppression, type TermUse } from '../model/document.js';
import { findFrontmatter } from './markdown.js';
import { rangeAt } from './text-position.js';

/**
 * Body facts straight from micromark's events, without the mdast tree.
 *
 * The check path needs from a body only the facts `collectBody` (parse-file.ts) reads from the
 * mdast tree: term uses, audience containers, prose runs (mdast `text` nodes) and the HTML
 * comments that suppress findings. Building the tree (mdast-util-from-markdown's `compile`) costs
 * a third of the parse, so here the same micromark events (same extensions, same body-only parse
 * after the frontmatter as `parseMarkdown(text, { gfm: false })`) are walked once, mirroring what
 * `compile` and its directive and frontmatter extensions do with each token that has a handler
 * there: which node is open (a small stack of frames instead of nodes), which text node a data
 * token or line ending joins, which subtrees are buffered and thrown away (code, HTML values,
 * image alts, destinations, attributes), and the three flags that change that (hard break,
 * setext heading, fenced code). Anything else — a token type not listed below, a token closed
 * out of order, a node where a text node is open — gives `undefined`: the caller parses the tree
 * instead (tests/perf/body-events.test.ts holds the two ways equal).
 */

/** Ranges and facts as `collectBody` builds them from nodes (shared by both ways). */

export const SUPPRESS = /protokit-disable-next-line\b([^\n]*?)(?:-->|$)/;

export function splitRules(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => part !== '' && part !== '--');
}

/** The suppression an `html` node's value makes, if any. */
export function suppressionOf(value: string, range: Range): Suppression | undefined {
  const match = SUPPRESS.exec(value);
  if (match === null || !value.trimStart().startsWith('<!--')) return undefined;
  return { rules: splitRules(match[1] ?? ''), targetLine: range.end.line + 1, range };
}

/** An `:::audience` container: `professions` is its attribute as decoded (undefined when absent). */
export function audienceOf(file: ParsedFile, professionsAttribute: string | undefined, range: Range, openStart: number): AudienceBlock {
  const professions = (professionsAttribute ?? '').split(/[\s,]+/).filter((p) => p !== '');
  let openEnd = file.text.indexOf('\n', openStart);
  if (openEnd === -1) openEnd = file.text.length;
  const openRange = rangeAt(file, openStart, openEnd);
  const line = file.text.slice(openStart, openEnd);
  const attr = line.indexOf('professions');
  let from = attr === -1 ? 0 : attr;
  const professionRanges = professions.map((p) => {
    const at = line.indexOf(p, from);
    if (at === -1) return openRange;
    from = at + p.length;
    return rangeAt(file, openStart + at, openStart + at + p.length);
  });
  return { professions, range, openRange, professionRanges };
}

/** What the events give: the body facts, the suppressions, and the frontmatter when there is one. */
export interface EventFacts {
  body: BodyFacts;
  suppressions: Suppression[];
  /** End offset of the `yaml` node when it is the root's first child (as in the tree). */
  yamlEnd: number | undefined;
}

let bodyExtensions: Extension[] | undefined;
let leanExtensions: Extension[] | undefined;

/**
 * The events of micromark's document tokenizer for a text: containers and flow chunks, whose
 * content (flow, paragraphs, inline) `postprocess` tokenizes.
 */
function documentEvents(text: string, extensions: Extension[]): Event[] {
  return parse({ extensions }).document().write(preprocess()(text, undefined, true));
}

/** micromark's events for a text, as `fromMarkdown` makes them (before its list preparation). */
function eventsOf(text: string, extensions: Extension[]): Event[] {
  return postprocess(documentEvents(text, extensions));
}

/**
 * The body facts of a text, the same as `collectBody(file, parseMarkdown(file.text, { gfm: false }))`
 * gives; `undefined` when the events hold something this walk does not mirror.
 */
export function bodyFactsFromEvents(file: ParsedFile): EventFacts | undefined {
  const text = file.text;
  const matter = findFrontmatter(text);
  // the same choice as parseMarkdown without GFM: the body alone after a frontmatter, else the
  // whole text with the frontmatter extension
  if (matter === undefined || text.charCodeAt(matter.bodyStart) === 0xfeff) {
    const events = eventsOf(text, (leanExtensions ??= [frontmatter(['yaml']), directive()]));
    return factsOfEvents(file, events, 0, 0, undefined);
  }
  const events = eventsOf(text.slice(matter.bodyStart), (bodyExtensions ??= [directive()]));
  return factsOfEvents(file, events, matter.bodyStart, matter.bodyLine - 1, matter.fenceEnd);
}

/**
 * The `professions` attribute of a directive as mdast-util-directive reads its attribute list: a
 * list of name and value pairs in which the last of a name wins (`#id` and `.class` are the names
 * `id` and `class`), each value going with the name just before it, decoded as in HTML attributes.
 * Shared by both event walks, so that they read it alike.
 */
class ProfessionsAttribute {
  /** The attribute as read so far (undefined: none). */
  value: string | undefined = undefined;
  private last: string | undefined = undefined;

  name(name: string): void {
    this.last = name;
    if (name === 'professions') this.value = '';
  }

  /** A value, for the last name; false when no name came before it. */
  valueOf(raw: string): boolean {
    if (this.last === undefined) return false;
    if (this.last === 'professions') this.value = parseEntities(raw, { attribute: true });
    return true;
  }
}

/**
 * Of a body, only its `:::audience` containers, outermost first, as `bodyFactsFromEvents` finds
 * them (the rest of the facts left empty): for `render --force`, where no rule reads a body
 * and handbooks read of a document other than an agency's only its title and these containers
 * (tree.ts). They come from the flow events micromark's document tokenizer leaves with the flow
 * tokenizers of its `chunkFlow` tokens, before `postprocess` tokenizes paragraphs' inline
 * content (about two fifths of a parse). `undefined` (take `bodyFactsFromEvents`) when that
 * could miss one: a text without a frontmatter, a container directive other than `audience` (its
 * content, where one could be, is tokenized only later), a container not first on its line (in
 * a list or a quote), or a `chunkFlow` token without its flow tokenizer. A container inside an
 * audience container is not seen, and need not be: handbooks read the outermost.
 * tests/perf/body-events.test.ts holds the two equal.
 */
export function audiencesFromFlow(file: ParsedFile): EventFacts | undefined {
  const text = file.text;
  const matter = findFrontmatter(text);
  if (matter === undefined || text.charCodeAt(matter.bodyStart) === 0xfeff) return undefined;
  const body = text.slice(matter.bodyStart);
  const events = documentEvents(body, (bodyExtensions ??= [directive()]));
  const audiences: AudienceBlock[] = [];
  const flows = new Set<TokenizeContext>();
  const lines = matter.bodyLine - 1;
  for (const [kind, token] of events) {
    if (kind !== 'enter' || token.type !== 'chunkFlow') continue;
    const flow = token._tokenizer;
    // (a micromark that kept its flow events elsewhere: the full walk, not a body without containers)
    if (flow === undefined) return undefined;
    if (flows.has(flow)) continue;
    flows.add(flow);
    let open: Token | undefined;
    let professions = new ProfessionsAttribute();
    for (const [step, t] of flow.events) {
      if (!t.type.startsWith('directiveContainer')) continue;
      if (step === 'enter') {
        if (t.type === 'directiveContainer') {
          if (t.start.column !== 1) return undefined;
          open = t;
          professions = new ProfessionsAttribute();
        }
        continue;
      }
      switch (t.type) {
        case 'directiveContainerName':
          if (body.slice(t.start.offset, t.end.offset) !== 'audience') return undefined;
          break;
        case 'directiveContainerAttributeName':
          professions.name(body.slice(t.start.offset, t.end.offset));
          break;
        case 'directiveContainerAttributeIdValue':
          professions.name('id');
          break;
        case 'directiveContainerAttributeClassValue':
          professions.name('class');
          break;
        case 'directiveContainerAttributeValue':
          professions.valueOf(body.slice(t.start.offset, t.end.offset));
          break;
        case 'directiveContainer': {
          if (open === undefined) return undefined;
          const range: Range = { start: { line: open.start.line + lines, column: open.start.column }, end: { line: t.end.line + lines, column: t.end.column } };
          audiences.push(audienceOf(file, professions.value, range, open.start.offset + matter.bodyStart));
          open = undefined;
          break;
        }
      }
    }
  }
  audiences.sort((a, b) => a.range.start.line - b.range.start.line);
  return { body: { terms: [], audiences, prose: [] }, suppressions: [], yamlEnd: matter.fenceEnd };
}

// What `compile` does on entering a token (0: no handler).
const E_DATA = 1; // onenterdata
const E_NODE = 2; // opener(…), a node that cannot hold line endings
const E_NODE_EOL = 3; // opener(…), a node in `canContainEols`
const E_HEADING = 4; // opener(heading): a node in `canContainEols`, a section when top-level
const E_NODE_BUFFER = 5; // opener(…, buffer): code, inline code, frontmatter
const E_HTML = 6; // opener(html, buffer)
const E_BUFFER = 7; // buffer
const E_LABEL = 8; // label: buffer (a link's label becomes its children)
const E_TEXT_DIRECTIVE = 9;
const E_DIRECTIVE = 10; // leaf and container directives
const E_ATTRIBUTES = 11; // buffer + a new attribute list
const E_CONTAINER_LABEL = 12; // a paragraph
// What `compile` does on exiting a token (0: no handler, or one that changes nothing here).
const X_DATA = 1; // onexitdata
const X_CLOSE = 2; // closer()
const X_RESUME = 3; // resume()
const X_RESUME_CLOSE = 4; // resume() then exit: indented code, inline code, frontmatter
const X_HTML = 5;
const X_CODE_FENCED = 6;
const X_CODE_FENCE = 7;
const X_LINE_ENDING = 8;
const X_HARD_BREAK = 9;
const X_SETEXT_TEXT = 10;
const X_SETEXT = 11;
const X_REFERENCE_VALUE = 12; // adds to the open text node
const X_REFERENCE = 13; // closes the open text node
const X_LABEL = 14;
const X_DIRECTIVE = 15;
const X_NAME = 16;
const X_ATTRIBUTE_NAME = 17;
const X_ATTRIBUTE_VALUE = 18;
const X_ATTRIBUTE_ID = 19;
const X_ATTRIBUTE_CLASS = 20;
const X_ATTRIBUTES = 21;
const X_FRONTMATTER_VALUE = 22; // enter data + exit data

/** Every token type the walk knows: enter action | exit action << 8. */
const ACTIONS = new Map<string, number>();
function on(types: string, enter: number, exit: number): void {
  for (const type of types.split(' ')) ACTIONS.set(type, enter | (exit << 8));
}
// micromark's own tokens without a handler in `compile` (or only one that sets what no fact reads)
on(
  'whitespace lineEndingBlank linePrefix lineSuffix atxHeadingText autolinkMarker characterReferenceMarker characterReferenceMarkerNumeric characterReferenceMarkerHexadecimal codeFencedFenceSequence codeTextPadding codeTextSequence content definitionDestination definitionDestinationLiteral definitionDestinationLiteralMarker definitionDestinationRaw definitionLabel definitionLabelMarker definitionMarker definitionTitle definitionTitleMarker emphasisSequence emphasisText escapeMarker labelText labelLink labelImage labelMarker labelImageMarker labelEnd referenceMarker resource resourceDestination resourceDestinationLiteral resourceDestinationLiteralMarker resourceDestinationRaw resourceMarker resourceTitle resourceTitleMarker setextHeadingLine setextHeadingLineSequence strongSequence strongText thematicBreakSequence blockQuotePrefix blockQuoteMarker blockQuotePrefixWhitespace listItemIndent listItemMarker listItemPrefix listItemPrefixWhitespace listItemValue reference atxHeadingSequence',
  0,
  0,
);
on('data codeTextData codeFlowValue htmlFlowData htmlTextData autolinkProtocol autolinkEmail', E_DATA, X_DATA);
on('characterEscape', E_DATA, 0);
on('characterEscapeValue', 0, X_DATA);
on('characterReference', E_DATA, X_REFERENCE);
on('characterReferenceValue', 0, X_REFERENCE_VALUE);
on('lineEnding', 0, X_LINE_ENDING);
on('autolink link image blockQuote definition thematicBreak listOrdered listUnordered', E_NODE, X_CLOSE);
on('paragraph emphasis strong', E_NODE_EOL, X_CLOSE);
on('atxHeading', E_HEADING, X_CLOSE);
on('setextHeading', E_HEADING, X_SETEXT);
on('setextHeadingText', 0, X_SETEXT_TEXT);
on('hardBreakEscape hardBreakTrailing', E_NODE, X_HARD_BREAK);
on('codeIndented codeText yaml', E_NODE_BUFFER, X_RESUME_CLOSE);
on('codeFenced', E_NODE, X_CODE_FENCED);
on('codeFencedFence', 0, X_CODE_FENCE);
on('codeFencedFenceInfo codeFencedFenceMeta definitionDestinationString definitionLabelString definitionTitleString referenceString resourceDestinationString resourceTitleString', E_BUFFER, X_RESUME);
on('htmlFlow htmlText', E_HTML, X_HTML);
on('label', E_LABEL, X_LABEL);
// micromark-extension-frontmatter (yaml only) and mdast-util-frontmatter
on('yamlFence yamlFenceSequence', 0, 0);
on('yamlValue', 0, X_FRONTMATTER_VALUE);
// micromark-extension-directive and mdast-util-directive (not verbose: sequences, markers,
// `#id`/`.class` shortcut wrappers and quoted-literal wrappers only move positions it does not keep)
for (const kind of ['Text', 'Leaf', 'Container']) {
  const d = `directive${kind}`;
  on(d, kind === 'Text' ? E_TEXT_DIRECTIVE : E_DIRECTIVE, X_DIRECTIVE);
  on(`${d}Name`, 0, X_NAME);
  on(`${d}Attributes`, E_ATTRIBUTES, X_ATTRIBUTES);
  on(`${d}AttributeName`, 0, X_ATTRIBUTE_NAME);
  on(`${d}AttributeValue`, 0, X_ATTRIBUTE_VALUE);
  on(`${d}AttributeIdValue`, 0, X_ATTRIBUTE_ID);
  on(`${d}AttributeClassValue`, 0, X_ATTRIBUTE_CLASS);
  on(
    `${d}AttributesMarker ${d}Attribute ${d}AttributeId ${d}AttributeIdMarker ${d}AttributeClass ${d}AttributeClassMarker ${d}AttributeInitializerMarker ${d}AttributeValueLiteral ${d}AttributeValueMarker ${d}AttributeValueData ${d}LabelMarker ${d}LabelString`,
    0,
    0,
  );
  if (kind !== 'Container') on(`${d}Label`, 0, 0);
}
on('directiveTextMarker directiveLeafSequence directiveContainerSequence directiveContainerFence directiveContainerContent', 0, 0);
on('directiveContainerLabel', E_CONTAINER_LABEL, X_CLOSE);

/** The type of every token the walk mirrors (for the tests: all of `compile`'s handlers must be here). */
export const KNOWN_TOKEN_TYPES: ReadonlySet<string> = new Set(ACTIONS.keys());

/** An open node of the tree that is not built, or a buffer (`fragment`). */
class Frame {
  /** The token that opened the node ('' for a buffer). */
  readonly type: string;
  /** In `canContainEols`: a line ending joins its text. */
  readonly eol: boolean;
  /** In the final tree (not in a buffer that is thrown away). */
  readonly keep: boolean;
  /** Last child when it is a text node (its prose run, or a stand-in out of the tree). */
  tailText: ProseRun | undefined = undefined;
  /** Last child when it is another node. */
  last: Frame | undefined = undefined;
  /** Start offset of the first child (text directives: the label as written). */
  firstStart = -1;
  /** End offset, once closed. */
  end = -1;
  readonly token: Token | undefined;
  name = '';
  /** The `professions` attribute (directives). */
  professions: string | undefined = undefined;
  /** Where its fact goes in the list (directives: before those of what it holds). */
  slot = 0;
  /** The value of an HTML node's buffer. */
  value: string | undefined = undefined;

  constructor(type: string, eol: boolean, keep: boolean, token: Token | undefined) {
    this.type = type;
    this.eol = eol;
    this.keep = keep;
    this.token = token;
  }
}

/** A text node out of the tree (in a buffer): its offsets are never read. */
const OUTSIDE: ProseRun = { start: 0, end: 0, section: 0 };

function isDirective(frame: Frame): boolean {
  return frame.type === 'directiveText' || frame.type === 'directiveLeaf' || frame.type === 'directiveContainer';
}

/**
 * Walks the events of a body; `offset` and `lines` move its positions to where the body starts,
 * `fenceEnd` is the end of the frontmatter found before it (undefined: the events hold the whole text).
 */
export function factsOfEvents(file: ParsedFile, events: Event[], offset: number, lines: number, fenceEnd: number | undefined): EventFacts | undefined {
  const terms: TermUse[] = [];
  const audiences: AudienceBlock[] = [];
  const prose: ProseRun[] = [];
  const suppressions: Suppression[] = [];
  const root = new Frame('', false, true, undefined);
  const stack: Frame[] = [root];
  let top = root;
  let section = -1;
  // the text node a data token is in (compile pushes it on its stack until the token exits)
  let text: ProseRun | undefined;
  let atHardBreak = false;
  let setextSlurp = false;
  let flowCodeInside = false;
  let attributes: ProfessionsAttribute | undefined;
  let attributesOf: Frame | undefined;
  let firstChild: Frame | undefined;

  const range = (start: Token['start'], end: Token['end']): Range => ({ start: { line: start.line + lines, column: start.column }, end: { line: end.line + lines, column: end.column } });

  // onenterdata: join the parent's last text node, or start one
  const enterData = (token: Token): boolean => {
    if (text !== undefined) return false;
    let tail = top.tailText;
    if (tail === undefined) {
      const start = token.start.offset + offset;
      if (top.keep) {
        tail = { start, end: start, section };
        prose.push(tail);
      } else tail = OUTSIDE;
      if (top.firstStart === -1) top.firstStart = start;
      top.tailText = tail;
      top.last = undefined;
    }
    text = tail;
    return true;
  };
  // onexitdata
  const exitData = (token: Token, context: TokenizeContext): boolean => {
    if (text === undefined) return false;
    text.end = token.end.offset + offset;
    if (top.value !== undefined) top.value += context.sliceSerialize(token);
    text = undefined;
    return true;
  };
  const push = (frame: Frame): void => {
    stack.push(frame);
    top = frame;
  };
  // enter(): a node, child of the open one
  const enterNode = (token: Token, eol: boolean): Frame | undefined => {
    if (text !== undefined) return undefined;
    const frame = new Frame(token.type, eol, top.keep, token);
    if (top.firstStart === -1) top.firstStart = token.start.offset + offset;
    top.tailText = undefined;
    top.last = frame;
    if (top === root && firstChild === undefined) firstChild = frame;
    push(frame);
    return frame;
  };
  // buffer(): a fragment, no child of anything
  const buffer = (keep: boolean): Frame | undefined => {
    if (text !== undefined) return undefined;
    const frame = new Frame('', true, keep, undefined);
    push(frame);
    return frame;
  };
  const pop = (): Frame | undefined => {
    if (stack.length < 2 || text !== undefined) return undefined;
    const frame = stack.pop() as Frame;
    top = stack[stack.length - 1] as Frame;
    return frame;
  };
  // exit(): the node must be the one the token opened
  const exitNode = (token: Token): Frame | undefined => {
    if (top.type !== token.type) return undefined;
    const frame = pop();
    if (frame !== undefined) frame.end = token.end.offset + offset;
    return frame;
  };
  // resume(): the open node must be a buffer
  const resume = (): Frame | undefined => (top.type === '' && top !== root ? pop() : undefined);

  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    const token = event[1];
    const actions = ACTIONS.get(token.type);
    if (actions === undefined) return undefined;
    if (event[0] === 'enter') {
      switch (actions & 0xff) {
        case 0:
          break;
        case E_DATA:
          if (!enterData(token)) return undefined;
          break;
        case E_NODE:
          if (enterNode(token, false) === undefined) return undefined;
          break;
        case E_NODE_EOL:
          if (enterNode(token, true) === undefined) return undefined;
          break;
        case E_HEADING:
          if (top === root) section++;
          if (enterNode(token, true) === undefined) return undefined;
          break;
        case E_NODE_BUFFER:
          if (enterNode(token, false) === undefined || buffer(false) === undefined) return undefined;
          break;
        case E_HTML: {
          const fragment = enterNode(token, false) === undefined ? undefined : buffer(false);
          if (fragment === undefined) return undefined;
          fragment.value = '';
          break;
        }
        case E_BUFFER:
          if (buffer(false) === undefined) return undefined;
          break;
        case E_LABEL:
          // a link's label becomes its children; an image's is its alt
          if (top.type !== 'link' && top.type !== 'image') return undefined;
          if (buffer(top.type === 'link' && top.keep) === undefined) return undefined;
          break;
        case E_TEXT_DIRECTIVE:
        case E_DIRECTIVE: {
          const frame = enterNode(token, (actions & 0xff) === E_TEXT_DIRECTIVE);
          if (frame === undefined) return undefined;
          frame.slot = frame.type === 'directiveContainer' ? audiences.length : terms.length;
          break;
        }
        case E_ATTRIBUTES:
          if (!isDirective(top)) return undefined;
          attributesOf = top;
          attributes = new ProfessionsAttribute();
          if (buffer(false) === undefined) return undefined;
          break;
        case E_CONTAINER_LABEL:
          if (top.type !== 'directiveContainer' || enterNode(token, true) === undefined) return undefined;
          break;
        default:
          return undefined;
      }
      continue;
    }
    const context = event[2];
    switch (actions >> 8) {
      case 0:
        break;
      case X_DATA:
        if (!exitData(token, context)) return undefined;
        break;
      case X_CLOSE:
        if (exitNode(token) === undefined) return undefined;
        break;
      case X_RESUME:
        if (resume() === undefined) return undefined;
        break;
      case X_RESUME_CLOSE:
        if (resume() === undefined || exitNode(token) === undefined) return undefined;
        break;
      case X_HTML: {
        const value = resume()?.value;
        const frame = value === undefined ? undefined : exitNode(token);
        if (frame === undefined || frame.token === undefined || value === undefined) return undefined;
        if (frame.keep) {
          const found = suppressionOf(value, range(frame.token.start, token.end));
          if (found !== undefined) suppressions.push(found);
        }
        break;
      }
      case X_CODE_FENCED:
        if (resume() === undefined) return undefined;
        flowCodeInside = false;
        if (exitNode(token) === undefined) return undefined;
        break;
      case X_CODE_FENCE:
        // the opening fence starts the buffer of the value, the closing one does nothing
        if (!flowCodeInside) {
          if (buffer(false) === undefined) return undefined;
          flowCodeInside = true;
        }
        break;
      case X_LINE_ENDING:
        if (text !== undefined) return undefined;
        if (atHardBreak) {
          // the line ending after a hard break belongs to the break
          if (top.tailText !== undefined) top.tailText.end = token.end.offset + offset;
          else if (top.last !== undefined) top.last.end = token.end.offset + offset;
          else return undefined;
          atHardBreak = false;
        } else if (!setextSlurp && top.eol) {
          if (!enterData(token) || !exitData(token, context)) return undefined;
        }
        break;
      case X_HARD_BREAK:
        atHardBreak = true;
        if (exitNode(token) === undefined) return undefined;
        break;
      case X_SETEXT_TEXT:
        setextSlurp = true;
        break;
      case X_SETEXT:
        setextSlurp = false;
        if (exitNode(token) === undefined) return undefined;
        break;
      case X_REFERENCE_VALUE:
        if (text === undefined || top.value !== undefined) return undefined;
        break;
      case X_REFERENCE:
        if (text === undefined) return undefined;
        text.end = token.end.offset + offset;
        text = undefined;
        break;
      case X_LABEL: {
        const fragment = resume();
        if (fragment === undefined) return undefined;
        if (top.type === 'link') {
          top.tailText = fragment.tailText;
          top.last = fragment.last;
        }
        break;
      }
      case X_DIRECTIVE: {
        const frame = exitNode(token);
        if (frame === undefined || frame.token === undefined) return undefined;
        if (!frame.keep) break;
        if (frame.type === 'directiveText' && frame.name === 'term') {
          // the label as written (collectBody: the source from the first child to the last)
          let id = '';
          if (frame.firstStart !== -1) {
            const end = frame.tailText !== undefined ? frame.tailText.end : frame.last?.end;
            if (end === undefined) return undefined;
            id = file.text.slice(frame.firstStart, end).trim();
          }
          terms.splice(frame.slot, 0, termUse(id, range(frame.token.start, token.end)));
        } else if (frame.type === 'directiveContainer' && frame.name === 'audience') {
          audiences.splice(frame.slot, 0, audienceOf(file, frame.professions, range(frame.token.start, token.end), frame.token.start.offset + offset));
        }
        break;
      }
      case X_NAME:
        if (!isDirective(top) || text !== undefined) return undefined;
        top.name = context.sliceSerialize(token);
        break;
      // mdast-util-directive: the attributes become the node's when they close
      case X_ATTRIBUTE_NAME:
        if (attributes === undefined) return undefined;
        attributes.name(context.sliceSerialize(token));
        break;
      case X_ATTRIBUTE_VALUE:
        if (attributes === undefined || !attributes.valueOf(context.sliceSerialize(token))) return undefined;
        break;
      case X_ATTRIBUTE_ID:
      case X_ATTRIBUTE_CLASS:
        if (attributes === undefined) return undefined;
        attributes.name(actions >> 8 === X_ATTRIBUTE_ID ? 'id' : 'class');
        break;
      case X_ATTRIBUTES:
        if (attributes === undefined || attributesOf === undefined || resume() === undefined || top !== attributesOf) return undefined;
        attributesOf.professions = attributes.value;
        attributes = undefined;
        attributesOf = undefined;
        break;
      case X_FRONTMATTER_VALUE:
        if (!enterData(token) || !exitData(token, context)) return undefined;
        break;
      default:
        return undefined;
    }
  }
  if (stack.length !== 1 || text !== undefined) return undefined;
  return {
    body: { terms, audiences, prose: packProse(prose) },
    suppressions,
    yamlEnd: fenceEnd ?? (firstChild !== undefined && firstChild.type === 'yaml' ? firstChild.end : undefined),
  };
}
