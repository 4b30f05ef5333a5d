import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from '../load/yaml-lib.js';
import { ConfigError } from '../model/errors.js';
import { DEFAULT_LIMITS, type Limits } from '../load/limits.js';
import { shapeMessage } from '../validate/shape-messages.js';
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

/** `file:line:column` of the node at an ajv instance path (the key, for a key that is not allowed). */
function placeOf(file: string, doc: Document.Parsed, counter: LineCounter, error: ErrorObject): string {
  const path = error.instancePath === '' ? [] : error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') path.push(String((error.params as Record<string, unknown>)['additionalProperty']));
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    if (yaml().isMap(node)) {
      const pair = node.items.find((item) => yaml().isScalar(item.key) && String(item.key.value) === segment);
      if (pair === undefined) break;
      const key = pair.key as Node;
      const lastAndKey = i === path.length - 1 && error.keyword === 'additionalProperties';
      offset = (lastAndKey ? key.range?.[0] : ((pair.value as Node | null)?.range?.[0] ?? key.range?.[0])) ?? offset;
      node = pair.value as Node | null;
    } else if (yaml().isSeq(node) && /^\d+$/.test(segment)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item === undefined) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const { line, col } = counter.linePos(offset);
  return `${file}:${line}:${col}`;
}

/** Rule names are checked against the registry (with a did-you-mean) by `severities`, not here. */
function isRuleNameError(error: ErrorObject): boolean {
  return error.instancePath === '/rules' && (error.keyword === 'propertyNames' || error.propertyName !== undefined);
}

/** Reads and validates a configuration file; any problem is a ConfigError (exit code 2). */
export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (code ?? (error as Error).message);
    throw new ConfigError(`Cannot read the config file ${file}: ${why}`, { cause: error });
  }
  const counter = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text.replace(/^\uFEFF/, ''), { prettyErrors: false, uniqueKeys: true, lineCounter: counter });
  const first = doc.errors[0];
  if (first !== undefined) {
    const { line, col } = counter.linePos(first.pos[0]);
    throw new ConfigError(`${file}:${line}:${col}: the config file is not valid YAML (${first.message.split('\n')[0] ?? ''}): fix the syntax`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    throw new ConfigError(`${file}: the config file could not be read (${(error as Error).message})`, { cause: error });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`${file}:1:1: invalid config: the file should be a mapping of keys to values (\`ignore\`, \`rules\`, \`limits\`, \`render\`), or empty`);
  }
  const validate = validatorFor('config');
  if (!validate(data)) {
    const error = (validate.errors ?? []).find((e) => !isRuleNameError(e));
    if (error !== undefined) throw new ConfigError(`${placeOf(file, doc, counter, error)}: invalid config: ${shapeMessage(error)}`);
  }
  const record = data as { ignore?: string[]; rules?: Config['rules']; limits?: Partial<Limits>; render?: Record<string, unknown> };
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value = record.limits?.[key];
    if (typeof value === 'number') limits[key] = value;
  }
  return {
    file,
    ignore: record.ignore ?? [],
    rules: record.rules ?? {},
    limits,
    render: record.render ?? {},
  };
}
