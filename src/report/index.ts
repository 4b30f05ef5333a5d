import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import type { Reporter, ReporterName } from './reporter.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Every reporter by name. */
export const REPORTERS = { stylish, json, sarif, github, junit, gitlab } satisfies Record<ReporterName, Reporter>;
