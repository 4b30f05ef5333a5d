import { bodyToHtml } from './body-html.js';
import { createSvgRenderer, type SvgRenderer } from './diagram.js';
import type { HandbookModel } from './handbook-model.js';
import type { Lang } from './i18n.js';
import { loadTemplates, safeHtml, type Templates } from './templates.js';

/** What the index page lists: one entry per handbook, with the file of each format (empty when not written). */
export interface IndexView {
  lang: Lang;
  framework: string;
  jurisdiction: string;
  handbooks: { id: string; title: string; html: string; md: string; pdf: string }[];
}

/** Renders handbooks and the index page to self-contained HTML. */
export interface HtmlRenderer {
  handbook(model: HandbookModel): string;
  /** Takes a diagram's SVG laid out elsewhere (a worker thread: render.ts), as `createSvgRenderer` gives it. */
  laidOut(dot: string, label: string, svg: string): void;
  index(view: IndexView): string;
}

/**
 * Loads the templates (built-in, overridden by `templatesDir`) and Graphviz once, and returns the
 * HTML renderer of a run. Diagrams are laid out once per distinct pathway graph; body HTML once
 * per body node (see bodyToHtml).
 */
export async function createHtmlRenderer(options: { templatesDir?: string } = {}): Promise<HtmlRenderer> {
  const templates: Templates = loadTemplates(options.templatesDir);
  const svg: SvgRenderer = await createSvgRenderer();
  const svgs = new Map<string, string>();
  const keyOf = (dot: string, label: string): string => `${label}\u0000${dot}`;
  const svgFor = (dot: string, label: string): string => {
    const key = keyOf(dot, label);
    let out = svgs.get(key);
    if (out === undefined) svgs.set(key, (out = svg(dot, label)));
    return out;
  };
  return {
    handbook(model) {
      const view = {
        ...model,
        pathways: model.pathways.map((p) => ({ ...p, svg: safeHtml(svgFor(p.dot, p.title)) })),
        prose: model.prose.map((s) => ({
          title: s.title,
          file: s.file,
          anchor: s.anchor,
          kind: s.kind,
          kindKey: `prose.kind.${s.kind}`,
          source: s.source,
          blocks: s.blocks.map((b) => ({ source: b.source, html: safeHtml(bodyToHtml(b.htmlNodes)) })),
        })),
      };
      return templates.handbook(view);
    },
    laidOut(dot, label, laid) {
      const key = keyOf(dot, label);
      if (!svgs.has(key)) svgs.set(key, laid);
    },
    index(view) {
      return templates.index(view);
    },
  };
}
