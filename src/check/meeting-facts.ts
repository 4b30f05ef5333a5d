import type { ProtocolDocument } from '../model/document.js';
import { itemsOf, str } from '../util/data.js';
import type { SetIndex } from './set-index.js';

/** The ids that some meeting action `follows`: actions reviewed or carried over, hence no longer open. */
export function followedActionIds(index: SetIndex): Set<string> {
  const out = new Set<string>();
  for (const doc of index.ofKind('meeting')) {
    for (const [action] of itemsOf(doc.data, 'actions')) {
      const follows = str(action, 'follows');
      if (follows !== undefined && follows !== str(action, 'id')) out.add(follows);
    }
  }
  return out;
}

/** The ids that the actions of one meeting follow. */
export function followsOf(meeting: ProtocolDocument): Set<string> {
  const out = new Set<string>();
  for (const [action] of itemsOf(meeting.data, 'actions')) {
    const follows = str(action, 'follows');
    if (follows !== undefined) out.add(follows);
  }
  return out;
}
