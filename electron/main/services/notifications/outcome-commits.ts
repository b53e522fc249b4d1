/**
 * Commits what happened to rows, the moment it is known, then tells the screen (onChanged) and,
 * when failures reach the threshold, raises the alert. The commit is what closes the "may have
 * arrived" window, so nothing batches outcomes beyond what arrives together.
 */
import type { OrderStore } from '../../../../db/store.js';
import { failedCount, failInterrupted, recordOutcomes, type Outcome } from './outbox-rows.js';
import { shouldAlert } from './alert-threshold.js';
import type { NotificationSettingsStore } from './ports.js';

export interface OutcomeCommitsOptions {
  store: OrderStore;
  settings: Pick<NotificationSettingsStore, 'get'>;
  now: () => number;
  logError: (message: string, error: unknown) => void;
  onChanged?: ((ids: number[]) => void) | undefined;
  onAlert?: ((failed: number, threshold: number) => void) | undefined;
}

export interface OutcomeCommits {
  record(batch: readonly Outcome[]): void;
  /** Fails rows a previous run left mid-send ('sending'): they may have arrived, so never resent on their own. */
  failInterrupted(): void;
}

export function createOutcomeCommits(options: OutcomeCommitsOptions): OutcomeCommits {
  const { store, settings, now, logError } = options;

  function checkAlert(): void {
    const threshold = settings.get().alertThreshold;
    const failed = failedCount(store);
    if (shouldAlert(failed, threshold)) options.onAlert?.(failed, threshold);
  }

  return {
    record(batch) {
      if (batch.length === 0) return;
      try {
        recordOutcomes(store, batch, now());
      } catch (error) {
        // The rows stay as they were ('sending' ones fail as interrupted at the next start).
        logError('could not record notification outcomes', error);
      }
      options.onChanged?.(batch.map((outcome) => outcome.id));
      if (batch.some((outcome) => outcome.kind === 'failed')) checkAlert();
    },
    failInterrupted() {
      const interrupted = failInterrupted(store, now());
      if (interrupted.length > 0) {
        options.onChanged?.(interrupted);
        checkAlert();
      }
    },
  };
}
