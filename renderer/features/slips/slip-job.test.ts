import { describe, expect, it } from 'vitest';
import type { SlipJob } from '../../../shared/contract/index.js';
import { describeJob, mergeJob, safeSlipUrl } from './slip-job.js';

const job = (patch: Partial<SlipJob>): SlipJob => ({ jobId: 'a', state: 'running', done: 0, total: 10, error: null, ...patch });

describe('slip batch progress', () => {
  it('moves forward only, and a final state sticks', () => {
    let shown = mergeJob(null, job({ done: 3 }));
    shown = mergeJob(shown, job({ done: 2 }));
    expect(shown.done).toBe(3);
    shown = mergeJob(shown, job({ state: 'done', done: 10 }));
    expect(shown.state).toBe('done');
    shown = mergeJob(shown, job({ done: 9 }));
    expect(shown).toMatchObject({ state: 'done', done: 10 });
  });

  it('ignores reports about another batch', () => {
    const shown = job({ done: 4 });
    expect(mergeJob(shown, job({ jobId: 'b', state: 'failed' }))).toBe(shown);
  });

  it('says where a batch stands as a sentence', () => {
    expect(describeJob(job({ done: 3 }))).toBe('Made 3 of 10 packing slips…');
    expect(describeJob(job({ state: 'cancelled', done: 3 }))).toMatch(/cancelled after 3 of 10/);
    expect(describeJob(job({ state: 'failed', error: 'Disk full.' }))).toBe('The packing slips could not be made: Disk full. Nothing was printed.');
    expect(describeJob(job({ state: 'done', done: 1, total: 1 }))).toBe('The packing slip is ready.');
  });

  it('opens only our own origin or https links', () => {
    const base = 'http://127.0.0.1:5174/';
    expect(safeSlipUrl('/api/slips/x.pdf', base)).toBe('http://127.0.0.1:5174/api/slips/x.pdf');
    expect(safeSlipUrl('https://example.com/a.pdf', base)).toBe('https://example.com/a.pdf');
    expect(safeSlipUrl('javascript:alert(1)', base)).toBeNull();
    expect(safeSlipUrl('file:///etc/passwd', base)).toBeNull();
    expect(safeSlipUrl('http://evil.test/a.pdf', base)).toBeNull();
  });
});
