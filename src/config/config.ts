import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError } from '../model/errors.js';
import { DEFAULT_LIMITS, type Limits } from '../load/limits.js';
import { validatorFor } from '../validate/schemas.js';

/** The file name protokit looks for, walking up from the set. */
export const CONFIG_NAME = 'protokit.config.yaml';

/** A validated protokit.config.yaml. */
export interface Config {
  /** The file it came from, if any. */
  file?: string;
  ignore: string[];
  rules: Record<string, 'off' | 'warning' | 'error'>;
  limits: Limits;
  render: Record<string, unknown>;
}

/** The configuration used when there is no file. */
export function defaultConfig(): Config {
  return { ignore: [], rules: {}, limits: { ...DEFAULT_LIMITS }, render: {} };
}

/** Finds protokit.config.yaml in `start` or the nearest folder above it. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a configuration file; any problem is a ConfigError (exit code 2). */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the config file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    throw new ConfigError(`${file}:${(first?.linePos?.[0].line ?? 1)}: the config file is not valid YAML: ${first?.message.split('\n')[0] ?? ''}`);
  }
  const data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  const validate = validatorFor('config');
  if (!validate(data)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath === '' ? 'the top level' : `\`${error?.instancePath.slice(1).replace(/\//g, '.') ?? ''}\``;
    const extra = error?.keyword === 'additionalProperties' ? ` \`${String((error.params as Record<string, unknown>)['additionalProperty'])}\`` : '';
    throw new ConfigError(`${file}: invalid config at ${where}: ${error?.message ?? 'invalid'}${extra}`);
  }
  const record = data as { ignore?: string[]; rules?: Config['rules']; limits?: Partial<Limits>; render?: Record<string, unknown> };
  return {
    file,
    ignore: record.ignore ?? [],
    rules: record.rules ?? {},
    limits: { ...DEFAULT_LIMITS, ...(record.limits ?? {}) },
    render: record.render ?? {},
  };
}
