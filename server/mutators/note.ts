import type { ParsedInput } from '../../shared/contract/index.js';
import { changed, eventBy, type Step } from './context.js';
import { noteAudience } from '../../shared/domain/notes.js';
import type { MutationResult } from './types.js';

/** order.addNote@1 (desk: electron/main/app/orders/note.ts): allowed in any status; see noteAudience for who reads it. */
export function addNote(step: Step, input: ParsedInput<'orders.addNote'>): MutationResult {
  const { doc, scope } = step;
  const audience = noteAudience(doc.storeIds, scope.visible([...doc.storeIds]));
  const events = audience.map((storeId) => eventBy(step, 'note', { body: input.body }, storeId));
  return changed({ ...doc, events: [...doc.events, ...events] });
}
