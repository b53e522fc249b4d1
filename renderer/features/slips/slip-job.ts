import type { SlipJob } from '../../../shared/contract/index.js';

const FINAL_STATES: ReadonlySet<SlipJob['state']> = new Set(['done', 'cancelled', 'failed']);

export const isFinal = (job: SlipJob): boolean => FINAL_STATES.has(job.state);

/**
 * Folds a newer report about a batch into what is shown. Progress events and status polls race,
 * so an older "running" answer never undoes a final state or moves the count backwards.
 */
export function mergeJob(current: SlipJob | null, incoming: SlipJob): SlipJob {
  if (current === null) return incoming;
  if (incoming.jobId !== current.jobId) return current;
  if (isFinal(current)) return current;
  if (isFinal(incoming)) return incoming;
  return incoming.done >= current.done ? incoming : current;
}

/** One sentence for where a batch stands, as the dialog says it. */
export function describeJob(job: SlipJob): string {
  const slips = job.total === 1 ? 'slip' : 'slips';
  switch (job.state) {
    case 'running':
      return `Made ${job.done} of ${job.total} packing ${slips}…`;
    case 'done':
      return job.total === 1 ? 'The packing slip is ready.' : `All ${job.total} packing slips are ready, in one PDF.`;
    case 'cancelled':
      return `Printing was cancelled after ${job.done} of ${job.total} ${slips}; no PDF was made.`;
    case 'failed':
      return `The packing ${slips} could not be made${job.error ? `: ${job.error.replace(/\.$/, '')}` : ''}. Nothing was printed.`;
  }
}

/**
 * Only a link to our own origin or an https page may be opened: whatever main answers, a
 * `javascript:` or `file:` URL never reaches window.open.
 */
export function safeSlipUrl(raw: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  const own = new URL(base);
  if (url.origin === own.origin && (url.protocol === 'http:' || url.protocol === 'https:')) return url.href;
  return url.protocol === 'https:' ? url.href : null;
}
