import { existsSync } from 'node:fs';
import type { SlipJob } from '../../../../shared/contract/index.js';
import { fail, ok, type Result } from '../../../../shared/domain/result.js';
import { defaultSlipsDir, webPrintouts } from '../../services/slips/printouts.js';
import { createSlipJobs, type StoredSlipJob } from '../../services/slips/slip-jobs.js';
import { loadOrderFor, unreachable } from '../access.js';
import type { CallActor, AppContext } from '../context.js';
import type { HandlerGroup } from '../handler-types.js';

export type SlipCall = 'slips.start' | 'slips.status' | 'slips.cancel' | 'slips.open';

const publicJob = (job: StoredSlipJob): SlipJob => ({ jobId: job.jobId, state: job.state, done: job.done, total: job.total, error: job.error });

const listIds = (ids: number[]): string => {
  const shown = ids.slice(0, 10).join(', ');
  return ids.length > 10 ? `${shown} and ${ids.length - 10} more` : shown;
};

/**
 * Packing slips. A batch is checked whole before anything renders: one order the caller can't
 * print refuses the batch, naming it. Jobs belong to the person who started them.
 */
export function slipHandlers(ctx: AppContext): HandlerGroup<SlipCall> {
  const printouts = ctx.printouts ?? webPrintouts;
  const jobs = createSlipJobs({
    store: ctx.store,
    dir: ctx.slipsDir ?? defaultSlipsDir(ctx.store),
    now: ctx.now,
    newId: ctx.newId,
    progress: (job) => ctx.emit('slips.progress', job),
    logError: ctx.logError,
  });

  const ownJob = (actor: CallActor, jobId: string): Result<StoredSlipJob> => {
    const job = jobs.get(jobId);
    // Someone else's batch looks the same as none: its existence is nobody else's business.
    return job && job.userId === actor.userId ? ok(job) : fail('NOT_FOUND', 'There is no such packing-slip batch.');
  };

  return {
    'slips.start': (input, actor) => {
      const orderIds = [...new Set(input.orderIds)];
      const refused = orderIds.filter((orderId) => !loadOrderFor(ctx.store, actor, orderId).ok);
      if (refused.length > 0) {
        const one = refused.length === 1;
        return unreachable(
          actor.scope,
          `No slips were printed: there ${one ? 'is no order with id' : 'are no orders with ids'} ${listIds(refused)}.`,
          `No slips were printed: ${one ? 'order' : 'orders'} ${listIds(refused)} ${one ? "isn't" : "aren't"} in your stores.`,
        );
      }
      return ok(jobs.start({ userId: actor.userId, scope: actor.scope.storeIds }, orderIds));
    },
    'slips.status': (input, actor) => {
      const job = ownJob(actor, input.jobId);
      return job.ok ? ok(publicJob(job.value)) : job;
    },
    'slips.cancel': (input, actor) => {
      const job = ownJob(actor, input.jobId);
      if (!job.ok) return job;
      if (job.value.state === 'done') return fail('INVALID_TRANSITION', 'This batch has already finished; there is nothing to cancel.');
      if (job.value.state === 'failed') return fail('INVALID_TRANSITION', 'This batch has already stopped with an error.');
      const cancelled = job.value.state === 'running' ? jobs.cancel(input.jobId) : job.value;
      return ok(publicJob(cancelled ?? job.value));
    },
    'slips.open': (input, actor) => {
      const job = ownJob(actor, input.jobId);
      if (!job.ok) return job;
      const { state, filePath } = job.value;
      if (state === 'running') return fail('INVALID_TRANSITION', 'These slips are still being printed; open them when the batch is done.');
      if (state !== 'done' || filePath === null) {
        return fail('INVALID_TRANSITION', `This batch was ${state === 'cancelled' ? 'cancelled' : 'not finished'}, so there is no PDF to open.`);
      }
      if (!existsSync(filePath)) return fail('NOT_FOUND', 'The PDF of this batch is no longer on this computer. Print the slips again.');
      return ok(printouts.show({ jobId: input.jobId, filePath }));
    },
  };
}
