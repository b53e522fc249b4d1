import type { JobProgress } from '../../../../shared/contract/index.js';
import { fail, ok } from '../../../../shared/domain/result.js';
import { RunningJobs } from '../../services/jobs/sliced-job.js';
import type { AppContext } from '../context.js';
import type { HandlerGroup } from '../handlers.js';
import { importShipments, type ImportJobs } from './import-shipments.js';

export type ImportCall = 'shipments.importCsv' | 'shipments.importCancel';

/** Bulk shipping from a spreadsheet: the file's bytes come in, a line-by-line report goes out. */
export function importHandlers(ctx: AppContext): HandlerGroup<ImportCall> {
  const jobs: ImportJobs = { running: new RunningJobs<number>(), progress: new Map<string, JobProgress>() };
  return {
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
