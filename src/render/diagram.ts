/** A step as a diagram shows it. */
export interface DiagramStep {
  id: string;
  name: string;
  lead: string;
  timing: string;
  /** Extra classes of the node (`pf<n>` for each profession taking part). */
  classes: readonly string[];
}

/** A pathway as a diagram: steps and the arrows between them. */
export interface Diagram {
  /** Prefix of every element id in the SVG, unique within a handbook. */
  idPrefix: string;
  title: string;
  steps: DiagramStep[];
  /** Arrows by step index; `dashed` for an `after` link that is not also a `next`. */
  edges: { from: number; to: number; dashed: boolean }[];
}

/** Breaks text into lines of at most `width` characters, at spaces. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Escapes text for a Graphviz HTML-like label. */
function dotHtml(text: string): string {
  return text.replace(/[&<>"'\]\\\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escapes text for a quoted Graphviz attribute value. */
function dotQuoted(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r]/g, ' ')}"`;
}

/**
 * Graphviz DOT for a pathway: one rounded box per step (name in bold, lead role, timeframe), an
 * arrow per `next`, a dashed arrow for an `after` that is not also a `next`. Every text is escaped
 * as an HTML-like label, so no document text can change the graph.
 */
export function toDot(diagram: Diagram): string {
  const p = diagram.idPrefix;
  const lines = [
    `digraph ${dotQuoted(p)} {`,
    `  graph [id=${dotQuoted(p)}, rankdir=TB, nodesep=0.3, ranksep=0.4, bgcolor="transparent", pad=0.1];`,
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#64748b", penwidth=1.2, fontname="Helvetica", fontsize=10, fontcolor="#1e293b", margin="0.14,0.08"];',
    '  edge [color="#64748b", arrowsize=0.7, penwidth=1.1];',
  ];
  diagram.steps.forEach((step, i) => {
    const rows = [`<B>${wrapText(step.name, 30).map(dotHtml).join('<BR/>')}</B>`];
    if (step.lead !== '') rows.push(wrapText(step.lead, 34).map(dotHtml).join('<BR/>'));
    if (step.timing !== '') rows.push(`<FONT COLOR="#475569">${wrapText(step.timing, 34).map(dotHtml).join('<BR/>')}</FONT>`);
    const classes = ['step', ...step.classes].join(' ');
    lines.push(`  s${i} [id=${dotQuoted(`${p}-s${i}`)}, class=${dotQuoted(classes)}, label=<${rows.join('<BR/>')}>];`);
  });
  diagram.edges.forEach((edge, i) => {
    lines.push(`  s${edge.from} -> s${edge.to} [id=${dotQuoted(`${p}-e${i}`)}${edge.dashed ? ', style=dashed' : ''}];`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Escapes text for a quoted Mermaid label (entity codes, never raw quotes or markup). */
function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/[\n\r]+/g, ' ');
}

/** A Mermaid flowchart of a pathway; the steps in `mine` are highlighted. */
export function toMermaid(diagram: Diagram, mine: ReadonlySet<number>): string {
  const lines = ['flowchart TD'];
  diagram.steps.forEach((step, i) => {
    const parts = [`<b>${mermaidText(step.name)}</b>`, mermaidText(step.lead), mermaidText(step.timing)].filter((part) => part !== '');
    lines.push(`  s${i}["${parts.join('<br/>')}"]`);
  });
  for (const edge of diagram.edges) lines.push(`  s${edge.from} ${edge.dashed ? '-.->' : '-->'} s${edge.to}`);
  if (mine.size > 0) {
    lines.push('  classDef mine fill:#fde9c9,stroke:#b45309,stroke-width:2px');
    lines.push(`  class ${[...mine].sort((a, b) => a - b).map((i) => `s${i}`).join(',')} mine`);
  }
  return lines.join('\n');
}

/** Renders DOT to SVG text. */
export type SvgRenderer = (dot: string, label: string) => string;

/** Escapes text for an XML attribute value. */
function xmlAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Loads Graphviz (compiled to WebAssembly, @viz-js/viz) once and returns a renderer that gives an
 * SVG element ready to inline: no XML prolog, comments or tooltips, an accessible label. Returns
 * the empty string when Graphviz cannot lay the graph out.
 */
export async function createSvgRenderer(): Promise<SvgRenderer> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  return (dot, label) => {
    let svg: string;
    try {
      svg = viz.renderString(dot, { format: 'svg' });
    } catch {
      return '';
    }
    const start = svg.indexOf('<svg');
    if (start === -1) return '';
    return svg
      .slice(start)
      .replace(/<!--[\s\S]*?-->\n?/g, '')
      .replace(/<title>[^<]*<\/title>\n?/g, '')
      .replace(/^<svg\b/, `<svg class="pathway-svg" role="img" aria-label="${xmlAttribute(label)}" focusable="false"`)
      .trimEnd();
  };
}
