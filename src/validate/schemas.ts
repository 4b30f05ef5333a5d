import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { Kind } from '../model/document.js';
import { requireWithCodeCache } from '../util/code-cache.js';

/** The folder of the JSON Schemas shipped with protokit. */
export const schemasDir = new URL('../../schemas/', import.meta.url);

/** The ajv options; scripts/build-validators.mjs precompiles with the same. */
export const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true } as const;

const require = createRequire(import.meta.url);
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** Reads one of protokit's JSON Schemas. */
export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8')) as Record<string, unknown>;
}

/** Validators precompiled at build time (scripts/build-validators.mjs), with the hashes of their schemas. */
interface Precompiled {
  hashes?: Record<string, string>;
  options?: string;
  [name: string]: unknown;
}

let precompiled: Precompiled | null | undefined;

/** The precompiled validator of a schema, if there is one made from exactly this schema text and these options. */
function precompiledFor(name: string, schema: Buffer): ValidateFunction | undefined {
  if (precompiled === undefined) {
    try {
      // from the parent: the CLI's bundle (dist/bundle/) finds it too; with the code cache the build wrote
      precompiled = requireWithCodeCache(fileURLToPath(new URL('../validate/validators.cjs', import.meta.url))) as Precompiled;
    } catch {
      precompiled = null; // not built (e.g. running from the sources): compile
    }
  }
  const validate = precompiled?.[name];
  if (typeof validate !== 'function' || precompiled?.options !== JSON.stringify(AJV_OPTIONS)) return undefined;
  if (precompiled.hashes?.[name] !== createHash('sha256').update(schema).digest('hex')) return undefined;
  return validate as ValidateFunction;
}

/**
 * The validator of a schema (`agency`, `config`, …), once per process on first use: the one
 * precompiled at build time when it matches the schema file, else compiled with ajv (loaded
 * only then).
 */
export function validatorFor(name: Kind | 'config'): ValidateFunction {
  let validate = validators.get(name);
  if (validate === undefined) {
    const schema = readFileSync(new URL(`${name}.schema.json`, schemasDir));
    validate = precompiledFor(name, schema);
    if (validate === undefined) {
      const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
      ajv ??= new Ajv({ ...AJV_OPTIONS });
      validate = ajv.compile(JSON.parse(schema.toString('utf8')) as Record<string, unknown>);
    }
    validators.set(name, validate);
  }
  return validate;
}
