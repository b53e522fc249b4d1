/** Past this many failed notifications the desk raises an alert, until someone retries or clears them. */
export const DEFAULT_FAILURE_ALERT_THRESHOLD = 3;

export function shouldAlert(failedCount: number, threshold: number): boolean {
  return threshold > 0 && failedCount >= threshold;
}
