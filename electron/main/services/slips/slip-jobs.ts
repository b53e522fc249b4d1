import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { StoreScope } from '../../../../shared/domain/scope.js';
import type { Selectable, UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Database, SlipJobTable } from '../../../../db/schema.js';
import type { OrderStore } from '../../../../db/store.js';
import type { SlipJob } from '../../../../shared/contract/index.js';
import { runInSlices, RunningJobs, type CancelFlag } from '../jobs/sliced-job.js';
import { PAGE, renderSlip } from './render-slip.js';
import { loadSlipData } from './slip-data.js';

/** Progress goes out every this many orders or this often, whichever comes first, plus the final state. */
const PROGRESS_EVERY_ORDERS = 10;
const PROGRESS_EVERY_MS = 200;
const INTERRUPTED = 'The desk stopped while this batch was printing. Print it again.';
/** Slips are for printing now, not records: files older than this are removed when the service starts. */
const KEEP_FILES_MS = 7 * 86_400_000;

export interface SlipJobsDeps {
  store: OrderStore;
  /** Where finished PDFs are kept; created when needed. */
  dir: string;
  now: () => number;
  newId: () => string;
  /** slips.progress, throttled; always called with the final state. */
  progress: (job: SlipJob) => void;
  logError: (message: string, error: unknown) => void;
}

/** A job as stored, with who started it and where its PDF is once done. */
export interface StoredSlipJob extends SlipJob {
  userId: number;
  filePath: string | null;
}

export interface SlipJobs {
  /** Records a running job and starts rendering on the next turn of the event loop. */
  start(owner: { userId: number; scope: StoreScope }, orderIds: readonly number[]): SlipJob;
  get(jobId: string): StoredSlipJob | null;
  /** Stops a running job: the row says cancelled at once, the partial file is deleted as the renderer stops. */
  cancel(jobId: string): StoredSlipJob | null;
}

/**
 * An update limited to a job that is still running: a job that was cancelled (or failed) in the
 * meantime keeps its final state, and the caller learns so from the changes count.
 */
type SlipJobUpdate = UpdateQueryBuilder<Database, 'slip_jobs', 'slip_jobs', UpdateResult>;
const runningJob = (query: SlipJobUpdate, jobId: string): SlipJobUpdate => query.where('id', '=', jobId).where('state', '=', 'running');

const toJob = (row: Selectable<SlipJobTable>): StoredSlipJob => ({
  jobId: row.id,
  state: row.state,
  done: row.done,
  total: row.total,
  error: row.error,
  userId: row.user_id,
  filePath: row.file_path,
});

/** Flushes the rendered temporary file to disk, then renames it: a PDF under its final name is always whole. */
async function moveIntoPlace(tmp: string, final: string): Promise<void> {
  const handle = await open(tmp, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, final);
}

/**
 * Packing-slip batches: one PDF for many orders, rendered in the main process a page at a time,
 * yielding to the event loop between orders so every other call is still served. A job's row
 * survives a reload of the window; a job left "running" by a crash is marked failed when the
 * service is created, and its partial file removed.
 */
export function createSlipJobs(deps: SlipJobsDeps): SlipJobs {
  const { store, dir } = deps;
  const running = new RunningJobs<number>();
  const tmpPath = (jobId: string) => path.join(dir, `${jobId}.pdf.tmp`);
  const finalPath = (jobId: string) => path.join(dir, `${jobId}.pdf`);

  const stale = store.all(store.q.selectFrom('slip_jobs').select('id').where('state', '=', 'running'));
  if (stale.length > 0) {
    store.run(store.q.updateTable('slip_jobs').set({ state: 'failed', error: INTERRUPTED, finished_at: deps.now() }).where('state', '=', 'running'));
    for (const { id } of stale) rmSync(tmpPath(id), { force: true });
  }
  removeOldFiles(dir, Date.now() - KEEP_FILES_MS, deps.logError);

  const get = (jobId: string): StoredSlipJob | null => {
    const row = store.first(store.q.selectFrom('slip_jobs').selectAll().where('id', '=', jobId));
    return row ? toJob(row) : null;
  };
  const publish = (jobId: string) => {
    const job = get(jobId);
    if (job) deps.progress({ jobId: job.jobId, state: job.state, done: job.done, total: job.total, error: job.error });
  };

  async function render(jobId: string, orderIds: readonly number[], scope: StoreScope, job: CancelFlag): Promise<void> {
    const tmp = tmpPath(jobId);
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: PAGE.margin,
      autoFirstPage: false,
      info: { Title: 'Packing slips', Creator: 'Order Desk' },
    });
    let out: ReturnType<typeof createWriteStream> | null = null;
    try {
      mkdirSync(dir, { recursive: true });
      out = createWriteStream(tmp);
      // Listen now: a write error must not surface as an unhandled 'error' event before the end.
      const written = finished(out);
      written.catch(() => {});
      doc.pipe(out);
      // One order per slice: a slip takes a few milliseconds to lay out.
      const outcome = await runInSlices({
        items: orderIds,
        sliceSize: 1,
        flag: job,
        runSlice([orderId]) {
          const slip = loadSlipData(store, orderId!, scope);
          if (!slip) throw new SlipJobError(`Order ${orderId} is no longer in your stores, so its slip could not be printed.`);
          renderSlip(doc, slip);
        },
        progress: {
          everyItems: PROGRESS_EVERY_ORDERS,
          everyMs: PROGRESS_EVERY_MS,
          report(done) {
            store.run(runningJob(store.q.updateTable('slip_jobs').set({ done }), jobId));
            publish(jobId);
          },
        },
      });
      if (outcome.cancelled) {
        out.destroy();
        await rm(tmp, { force: true });
        return;
      }
      doc.end();
      await written;
      await moveIntoPlace(tmp, finalPath(jobId));
      const updated = store.run(
        runningJob(
          store.q.updateTable('slip_jobs').set((eb) => ({ state: 'done', done: eb.ref('total'), file_path: finalPath(jobId), finished_at: deps.now() })),
          jobId,
        ),
      );
      // Cancelled while the file was being flushed: the person asked for no PDF, so leave none.
      if (updated.changes === 0) await rm(finalPath(jobId), { force: true });
      else publish(jobId);
    } catch (error) {
      out?.destroy();
      await rm(tmp, { force: true }).catch(() => {});
      if (!(error instanceof SlipJobError)) deps.logError(`packing-slip job ${jobId} failed`, error);
      const message = error instanceof SlipJobError ? error.message : 'The slips could not be written. Try again; if it keeps failing, check the disk has space.';
      try {
        store.run(runningJob(store.q.updateTable('slip_jobs').set({ state: 'failed', error: message, finished_at: deps.now() }), jobId));
        publish(jobId);
      } catch (recordError) {
        // The store was closed under the job (the app is quitting): the next start marks it failed.
        deps.logError(`packing-slip job ${jobId} could not record its failure`, recordError);
      }
    }
  }

  return {
    start(owner, orderIds) {
      const jobId = deps.newId();
      store.run(
        store.q
          .insertInto('slip_jobs')
          .values({ id: jobId, user_id: owner.userId, state: 'running', total: orderIds.length, done: 0, created_at: deps.now() }),
      );
      // A fresh id is never running already.
      const job = running.start(jobId, owner.userId)!;
      void render(jobId, [...orderIds], owner.scope, job).finally(() => running.finish(jobId));
      return { jobId, state: 'running', done: 0, total: orderIds.length, error: null };
    },
    get,
    cancel(jobId) {
      const updated = store.run(runningJob(store.q.updateTable('slip_jobs').set({ state: 'cancelled', finished_at: deps.now() }), jobId));
      running.cancel(jobId);
      if (updated.changes > 0) publish(jobId);
      return get(jobId);
    },
  };
}

function removeOldFiles(dir: string, before: number, logError: SlipJobsDeps['logError']): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet
  }
  for (const name of names) {
    if (!/\.pdf(\.tmp)?$/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (statSync(file).mtimeMs < before) rmSync(file, { force: true });
    } catch (error) {
      logError('could not remove an old packing-slip file', error);
    }
  }
}

/** A failure whose message is meant for the person (the rest are logged and summarised). */
class SlipJobError extends Error {}
