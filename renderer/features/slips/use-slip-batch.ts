import { useCallback, useEffect, useRef, useState } from 'react';
import type { SlipJob } from '../../../shared/contract/index.js';
import { call, on } from '../../api/client.js';
import { isFinal, mergeJob, safeSlipUrl } from './slip-job.js';

/** Events are the fast path; a poll catches a batch whose events were lost (reconnects, sleep). */
const POLL_MS = 1000;

export type Opened =
  | { kind: 'none' }
  | { kind: 'opening' }
  /** The PDF is at this URL (a new tab was asked for; the dialog links it in case it was blocked). */
  | { kind: 'url'; url: string }
  /** Main showed it in the system's PDF viewer. */
  | { kind: 'by-main' }
  | { kind: 'error'; message: string };

export interface SlipBatch {
  /** A refusal of the batch itself (nothing started). */
  refusal: string | null;
  starting: boolean;
  job: SlipJob | null;
  opened: Opened;
  cancelling: boolean;
  start(orderIds: number[]): Promise<void>;
  cancel(): Promise<void>;
  open(): Promise<void>;
  reset(): void;
}

/** Drives one packing-slip batch: start, follow its progress, cancel, and open the PDF. */
export function useSlipBatch(): SlipBatch {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [job, setJob] = useState<SlipJob | null>(null);
  const [opened, setOpened] = useState<Opened>({ kind: 'none' });
  const [cancelling, setCancelling] = useState(false);
  const openedFor = useRef<string | null>(null);

  const jobId = job?.jobId ?? null;
  const running = job !== null && !isFinal(job);

  useEffect(() => {
    if (jobId === null || !running) return;
    const update = (next: SlipJob) => setJob((current) => mergeJob(current, next));
    const unsubscribe = on('slips.progress', (payload) => {
      if (payload.jobId === jobId) update(payload);
    });
    const timer = window.setInterval(() => {
      void call('slips.status', { jobId }).then((result) => {
        if (result.ok) update(result.value);
      });
    }, POLL_MS);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, [jobId, running]);

  const open = useCallback(async () => {
    if (jobId === null) return;
    setOpened({ kind: 'opening' });
    const result = await call('slips.open', { jobId });
    if (!result.ok) {
      setOpened({ kind: 'error', message: result.message });
      return;
    }
    if (result.value.url === null) {
      setOpened({ kind: 'by-main' });
      return;
    }
    const url = safeSlipUrl(result.value.url, window.location.href);
    if (url === null) {
      setOpened({ kind: 'error', message: 'The desk service gave a link to the PDF that this screen will not open.' });
      return;
    }
    // With 'noopener' window.open answers null even when the tab opened, so a popup blocker
    // can't be detected; the dialog shows the link either way.
    window.open(url, '_blank', 'noopener');
    setOpened({ kind: 'url', url });
  }, [jobId]);

  // Open the PDF once, as soon as the batch is done.
  useEffect(() => {
    if (job?.state === 'done' && openedFor.current !== job.jobId) {
      openedFor.current = job.jobId;
      void open();
    }
  }, [job, open]);

  const start = useCallback(async (orderIds: number[]) => {
    setRefusal(null);
    setJob(null);
    setOpened({ kind: 'none' });
    setStarting(true);
    const result = await call('slips.start', { orderIds });
    setStarting(false);
    if (result.ok) setJob(result.value);
    else setRefusal(result.message);
  }, []);

  const cancel = useCallback(async () => {
    if (jobId === null) return;
    setCancelling(true);
    const result = await call('slips.cancel', { jobId });
    setCancelling(false);
    if (result.ok) setJob((current) => mergeJob(current, result.value));
    else setRefusal(result.message);
  }, [jobId]);

  const reset = useCallback(() => {
    setRefusal(null);
    setJob(null);
    setOpened({ kind: 'none' });
  }, []);

  return { refusal, starting, job, opened, cancelling, start, cancel, open, reset };
}
