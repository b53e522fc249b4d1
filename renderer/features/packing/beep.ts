let context: AudioContext | null = null;

// Made on first use: browsers only let audio start after a user gesture, and a scan is one.
function audio(): AudioContext | null {
  if (context === null) {
    try {
      context = new AudioContext();
    } catch {
      return null;
    }
  }
  if (context.state === 'suspended') void context.resume();
  return context;
}

/** Counts of signals played, read by end-to-end tests (audio itself can't be asserted). */
export const beepLog = { success: 0, error: 0 };

/**
 * The station's audible signal: a short high tick for a good scan, a low buzz for a refused one,
 * so a packer looking at the box, not the screen, still knows.
 */
export function beep(kind: 'success' | 'error'): void {
  beepLog[kind]++;
  document.documentElement.dataset.lastBeep = `${kind}:${beepLog[kind]}`;
  const ctx = audio();
  if (ctx === null) return;
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  const now = ctx.currentTime;
  const length = kind === 'success' ? 0.06 : 0.35;
  oscillator.type = kind === 'success' ? 'sine' : 'square';
  oscillator.frequency.value = kind === 'success' ? 1760 : 150;
  gain.gain.setValueAtTime(kind === 'success' ? 0.15 : 0.2, now);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + length);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(now);
  oscillator.stop(now + length);
}
