import { describe, expect, it } from 'vitest';
import { protocolDocuments } from '../../src/check/run-rules.js';
import { SetIndex } from '../../src/check/set-index.js';
import { HandbookBuilder, RenderIndex, translatorFor } from '../../src/render/index.js';
import { loadWithTrees, VALDORIA } from './render-helpers.js';

/**
 * A pathway's diagram is the same in every handbook, so `render` lays the run's diagrams out
 * ahead, in a worker, in the order the handbooks need them (render.ts): `diagramsFor` must list
 * exactly the diagrams the handbooks show, once each, in that order.
 */
describe('HandbookBuilder.diagramsFor', () => {
  it('lists the distinct diagrams of the handbooks, in the order they are first needed, with the DOT and label the handbooks use', () => {
    const files = loadWithTrees(VALDORIA);
    const rindex = new RenderIndex(new SetIndex(protocolDocuments(files)), files);
    const professions = rindex.professions.map((p) => p.id);
    // built on a builder of its own, before any handbook: nothing is read from a handbook built first
    const ahead = new HandbookBuilder(rindex, translatorFor('en')).diagramsFor(professions);
    const builder = new HandbookBuilder(rindex, translatorFor('en'));
    const shown: { dot: string; title: string }[] = [];
    for (const id of professions) {
      for (const p of builder.build(id).pathways) if (!shown.some((s) => s.dot === p.dot)) shown.push({ dot: p.dot, title: p.title });
    }
    expect(shown.length).toBeGreaterThan(1);
    expect(ahead.map((d) => ({ dot: d.dot, title: d.title }))).toEqual(shown);
    // the handbooks of one profession need only its pathways
    const police = builder.build('police-officer').pathways;
    expect(police.length).toBeGreaterThan(0);
    expect(builder.diagramsFor(['police-officer']).map((d) => d.dot)).toEqual(police.map((p) => p.dot));
  });
});
