/** Limits that keep hostile or accidental input from exhausting time or memory. */
export interface Limits {
  /** Largest Markdown file read, in bytes. */
  maxFileSize: number;
  /** Deepest nesting of YAML collections in a frontmatter. */
  maxYamlDepth: number;
  /** Most alias expansions in one frontmatter (YAML "billion laughs"). */
  maxAliases: number;
  /** Most Markdown files in one set. */
  maxFiles: number;
}

/** The defaults, raised or lowered under `limits:` in protokit.config.yaml. */
export const DEFAULT_LIMITS: Limits = {
  maxFileSize: 5 * 1024 * 1024,
  maxYamlDepth: 100,
  maxAliases: 100,
  maxFiles: 20000,
};
