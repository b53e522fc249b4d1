import type { JobProgress } from '../../../shared/contract/index.js';

/** One sentence for where a running (or stopping) import stands. */
export function describeImport(progress: JobProgress | null, stopping: boolean): string {
  if (progress === null) return 'Reading the file…';
  const of = `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} ${progress.total === 1 ? 'line' : 'lines'}`;
  if (stopping || progress.state === 'cancelled') return `Stopping after the lines in hand… ${of} done.`;
  return `Imported ${of}…`;
}

export const importPercent = (progress: JobProgress | null): number =>
  progress === null ? 0 : Math.min(100, Math.round((progress.done / progress.total) * 100));
