/** One benchmark figure: a JSON line of `npm run bench`, its p95 beside a baseline measured in the same run. */
export interface BenchFigure {
  name: string;
  n: number;
  p50_ms: number;
  p95_ms: number;
  baseline_p95_ms: number;
  ratio: number;
  [extra: string]: unknown;
}
