import type { ProtocolDocument } from '../model/document.js';
import { asList, itemsOf, own, str } from '../util/data.js';
import { parseDuration } from '../util/duration.js';

/** One step of a pathway, as the pathway rules read it. */
export interface PathwayStep {
  /** Index in the pathway's `steps` list (for frontmatter paths). */
  index: number;
  id: string;
  value: Record<string, unknown>;
  /** Ids of the steps in its `next`. */
  next: string[];
  after: string | undefined;
  /** Its `within`, in milliseconds, when it is a duration. */
  within: number | undefined;
}

/** The steps of a pathway that have an id, and the first step of each id. */
export interface PathwaySteps {
  steps: PathwayStep[];
  byId: Map<string, PathwayStep>;
}

/** The steps of a pathway document (a step without id is skipped: schema/shape reports it). */
export function pathwayStepsOf(doc: ProtocolDocument): PathwaySteps {
  const steps: PathwayStep[] = [];
  const byId = new Map<string, PathwayStep>();
  for (const [value, index] of itemsOf(doc.data, 'steps')) {
    const id = str(value, 'id');
    if (id === undefined) continue;
    const next = asList(own(value, 'next')).filter((n): n is string => typeof n === 'string');
    const step: PathwayStep = { index, id, value, next, after: str(value, 'after'), within: parseDuration(own(value, 'within')) };
    steps.push(step);
    if (!byId.has(id)) byId.set(id, step);
  }
  return { steps, byId };
}

/**
 * Each step's latest time (FORMAT.md §2), in milliseconds from the pathway's start: its `within`,
 * plus the latest time of its `after` step. A step without `within`, whose `after` step is unknown
 * or has no latest time, or that is part of an `after` cycle, has none (absent from the map).
 */
export function latestTimes({ steps, byId }: PathwaySteps): Map<PathwayStep, number> {
  const latest = new Map<PathwayStep, number>();
  const settled = new Set<PathwayStep>();
  for (const start of steps) {
    // walk the `after` chain up to a settled step, then settle the chain from there down
    const chain: PathwayStep[] = [];
    const onChain = new Set<PathwayStep>();
    let step: PathwayStep | undefined = start;
    let base: number | undefined = 0;
    while (step !== undefined && !settled.has(step)) {
      if (onChain.has(step)) { base = undefined; break; }
      chain.push(step);
      onChain.add(step);
      if (step.after === undefined) { step = undefined; break; }
      const previous = byId.get(step.after);
      if (previous === undefined) { base = undefined; break; }
      step = previous;
    }
    if (step !== undefined && settled.has(step) && base !== undefined) base = latest.get(step);
    for (let i = chain.length - 1; i >= 0; i--) {
      const current = chain[i] as PathwayStep;
      settled.add(current);
      const time = base === undefined || current.within === undefined ? undefined : base + current.within;
      if (time !== undefined) latest.set(current, time);
      base = time;
    }
  }
  return latest;
}
