import type { JobProgress } from '../../../../shared/contract/index.js';
import { fail, ok } from '../../../../shared/domain/result.js';
import { RunningJobs } from '../../services/jobs/sliced-job.js';
import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';
import { placeHold, releaseHold } from '../orders/hold.js';
import { applyToEach } from './apply-to-each.js';
import { importShipments, type ImportJobs } from './import-shipments.js';

export type BulkCall = 'orders.bulkHold' | 'orders.bulkRelease' | 'shipments.importCsv' | 'shipments.importCancel';

/**
 * One action on many orders: holds from the queue's selection, and shipping from a spreadsheet
 * (the file's bytes come in, a line-by-line report goes out). Each order is applied whole or
 * refused with its reason.
 */
export function bulkHandlers(ctx: AppContext): HandlerGroup<BulkCall> {
  const jobs: ImportJobs = { running: new RunningJobs<number>(), progress: new Map<string, JobProgress>() };
  return {
    'orders.bulkHold': (input, actor) =>
      ok(applyToEach(ctx, actor, input.orderIds, (orderId) => placeHold(ctx, actor, { orderId, reason: input.reason }))),
    'orders.bulkRelease': (input, actor) =>
      ok(applyToEach(ctx, actor, input.orderIds, (orderId) => releaseHold(ctx, actor, { orderId }))),
    'shipments.importCsv': (input, actor) => importShipments(ctx, actor, input, jobs),
    'shipments.importCancel': (input, actor) => {
      const progress = jobs.progress.get(input.importId);
      // Someone else's import looks the same as none, as with packing-slip batches.
      if (jobs.running.ownerOf(input.importId) !== actor.userId || !progress) {
        return fail('NOT_FOUND', 'There is no such import running; it may have just finished.');
      }
      jobs.running.cancel(input.importId);
      return ok({ ...progress, state: 'cancelled' });
    },
  };
}
