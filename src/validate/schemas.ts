import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Kind } from '../model/document.js';

/** The folder of the JSON Schemas shipped with protokit. */
export const schemasDir = new URL('../../schemas/', import.meta.url);

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** Reads one of protokit's JSON Schemas. */
export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8')) as Record<string, unknown>;
}

/** The compiled validator of a schema (`agency`, `config`, …), compiled once per process on first use. */
export function validatorFor(name: Kind | 'config'): ValidateFunction {
  let validate = validators.get(name);
  if (validate === undefined) {
    ajv ??= new Ajv2020({ allErrors: true, strict: true, verbose: true });
    validate = ajv.compile(readSchema(name));
    validators.set(name, validate);
  }
  return validate;
}
