import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

const WAIT_STEP_MS = 50;
// A lock file with no pid yet is being written; older than this, its writer died between the two steps.
const UNWRITTEN_GRACE_MS = 5_000;

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it just isn't ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock at `file` was left by a process that is gone (killed mid-seed). */
function isStale(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false; // Released meanwhile: try again.
  }
  const pid = Number.parseInt(text, 10);
  if (Number.isSafeInteger(pid) && pid > 0) return !isRunning(pid);
  try {
    return Date.now() - statSync(file).mtimeMs > UNWRITTEN_GRACE_MS;
  } catch {
    return false;
  }
}

/**
 * Runs `work` while holding `<target>.seed-lock`, so two first starts at once (two windows, a
 * double-clicked launcher) don't both seed the same store: the second waits, then finds the
 * first's store. The lock holds the owner's pid; a lock whose owner is gone is taken over.
 * Synchronous, like the store opening it guards.
 */
export function withSeedLock<T>(target: string, work: () => T, timeoutMs = 10 * 60_000): T {
  const lock = `${target}.seed-lock`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isStale(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Another Order Desk has been preparing ${target} for too long (lock ${lock}).`);
    sleepSync(WAIT_STEP_MS);
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}
