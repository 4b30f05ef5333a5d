import { json } from './json.js';
import type { Reporter, ReporterName } from './reporter.js';
import { stylish } from './stylish.js';

/** Every reporter by name. */
export const REPORTERS: Partial<Record<ReporterName, Reporter>> = { stylish, json };
