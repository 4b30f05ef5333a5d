import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { defaultConfig, findConfig, loadConfig, type Config } from './config/config.js';
import { runRules, type SeverityMap } from './check/run-rules.js';
import type { Diagnostic, Severity } from './model/diagnostic.js';
import type { ParsedFile } from './model/document.js';
import { ConfigError, IoError, UsageError } from './model/errors.js';
import type { Rule } from './model/rule.js';
import { loadSet, type GivenFile } from './load/load-set.js';
import { RULES, validateRules } from './rules/index.js';
import { nearest } from './util/suggest.js';

/** What `lint` does: `validate` runs the schema stage only; `check` runs every rule. */
export type LintMode = 'validate' | 'check';

/** Options of a lint run (the CLI's flags, as data). */
export interface LintOptions {
  paths: readonly string[];
  mode: LintMode;
  /** Folder that finding paths are relative to, and where the config search starts (default: cwd). */
  cwd?: string;
  /** An explicit config file (`--config`). */
  configFile?: string;
  /** Severity overrides from `--rule id=severity`, applied after the config's. */
  ruleOverrides?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * A protocol set folder that `paths` belong to (`--set`): every document of it is read and the
   * rules run over the whole set, as for the folder itself, but only findings in `paths` are
   * returned, and only their files. So a draft is checked against the other agencies' ids,
   * services and terms instead of as a set of one. Each path must be inside the folder.
   */
  set?: string;
  /**
   * A document's contents given instead of its file (`--stdin`): read as the file at `absolute`
   * (one of `paths`), which need not exist; with `set`, it replaces that file of the set or joins it.
   */
  given?: GivenFile;
  /** Loads the files; the default reads them in this thread. Injected by the parallel and cached loaders. */
  load?: (config: Config, paths: readonly string[], cwd: string) => Promise<readonly ParsedFile[]> | readonly ParsedFile[];
}

/** The result of a lint run. */
export interface LintResult {
  diagnostics: Diagnostic[];
  files: readonly ParsedFile[];
  config: Config;
  rules: readonly Rule[];
}

/** Reads the config for a run: `--config`, or the nearest protokit.config.yaml above the first path. */
export function resolveConfig(paths: readonly string[], cwd: string, configFile: string | undefined): Config {
  if (configFile !== undefined) return loadConfig(resolve(cwd, configFile));
  const found = findConfig(resolve(cwd, paths[0] ?? '.'));
  return found === undefined ? defaultConfig() : loadConfig(found);
}

/** Checks that every rule id named in the config or on the command line exists. */
export function severities(config: Config, overrides: Readonly<Record<string, Severity | 'off'>> = {}): SeverityMap {
  const map = new Map<string, Severity | 'off'>();
  const known = RULES.map((r) => r.id);
  for (const [id, severity] of [...Object.entries(config.rules), ...Object.entries(overrides)]) {
    if (!known.includes(id)) {
      const hint = nearest(id, known);
      throw new ConfigError(`Unknown rule \`${id}\`${hint === undefined ? '' : `: did you mean \`${hint}\`?`} (\`protokit rules\` lists them)`);
    }
    map.set(id, severity);
  }
  return map;
}

/** Loads a set, validates it and (in `check` mode) runs every rule: the core of `validate` and `check`. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const cwd = resolve(options.cwd ?? '.');
  const set = options.set === undefined ? undefined : resolve(cwd, options.set);
  const config = resolveConfig(set === undefined ? options.paths : [set, ...options.paths], cwd, options.configFile);
  const severityMap = severities(config, options.ruleOverrides);
  const paths = options.paths.map((p) => resolve(cwd, p));
  const inScope = set === undefined ? undefined : scopeOf(set, paths, cwd, options.paths);
  const read = set === undefined ? paths : [set, ...paths];
  const files = options.load !== undefined
    ? await options.load(config, read, cwd)
    : loadSet({ paths: read, base: cwd, ignore: config.ignore, ...ignoreBaseOf(config), limits: config.limits, ...(options.given !== undefined ? { given: options.given } : {}) }).files;
  const rules = options.mode === 'check' ? RULES : validateRules();
  const diagnostics = runRules(files, { rules, severities: severityMap, knownRuleIds: RULES.map((r) => r.id) });
  if (inScope === undefined) return { diagnostics, files, config, rules };
  return { diagnostics: diagnostics.filter((d) => inScope(d.file)), files: files.filter((f) => inScope(f.file)), config, rules };
}

/**
 * For `set`: whether a file (as findings name it, relative to `cwd`) is one of `paths` or below
 * one of them. Throws a usage error for a path outside the set folder.
 */
function scopeOf(set: string, paths: readonly string[], cwd: string, given: readonly string[]): (file: string) => boolean {
  const shown = relative(cwd, set) || '.';
  const stat = statSync(set, { throwIfNoEntry: false });
  if (stat === undefined) throw new IoError(`Cannot read the set \`${shown}\` given with --set: no such folder`);
  if (!stat.isDirectory()) throw new UsageError(`--set takes the folder of a protocol set, and \`${shown}\` is not a folder`);
  paths.forEach((path, i) => {
    const inside = relative(set, path);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw new UsageError(`\`${given[i] ?? path}\` is not inside the set \`${shown}\` given with --set: give paths inside it, or leave --set out`);
    }
  });
  return (file) => {
    const absolute = resolve(cwd, file);
    return paths.some((path) => absolute === path || absolute.startsWith(path.endsWith(sep) ? path : `${path}${sep}`));
  };
}

/** The folder a config's `ignore` globs are relative to: the config file's own folder. */
export function ignoreBaseOf(config: Config): { ignoreBase?: string } {
  return config.file === undefined ? {} : { ignoreBase: dirname(config.file) };
}

/** Exit code of a lint run: 1 with errors or more warnings than allowed, else 0. */
export function exitCodeOf(diagnostics: readonly Diagnostic[], maxWarnings = -1): 0 | 1 {
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') return 1;
    warnings++;
  }
  return maxWarnings >= 0 && warnings > maxWarnings ? 1 : 0;
}
