/**
 * Handbooks (FORMAT.md §5). The CLI imports this module lazily (`await import()`), so that
 * `check` and `validate` never load Handlebars, rehype, Graphviz or playwright.
 */
export { renderHandbooks, defaultLang, fileNames, FORMATS, type Format, type RenderOptions, type RenderResult } from './render.js';
export { HandbookBuilder } from './build-handbook.js';
export { RenderIndex } from './render-index.js';
export { createMarkdownRenderer, markdownJob, type MarkdownJob, type MarkdownRenderer } from './to-markdown.js';
export { findChromium, openPdfPrinter, fixPdfDates, INSTALL_HINT } from './pdf.js';
export { LANGS, isLang, loadCatalogue, translatorFor, Translator, type Lang } from './i18n.js';
export { formatWithin, parseDuration } from './duration.js';
export type { HandbookModel } from './handbook-model.js';
