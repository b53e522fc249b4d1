// App lifecycle hooks for the composition root, which may not import 'electron' itself.
import { app } from 'electron';

export const whenReady = (): Promise<void> => app.whenReady();

/** Directory for per-user data (settings, the order store). Valid before and after ready. */
export const userDataDir = (): string => app.getPath('userData');

export const quit = (): void => app.quit();

/** True in an installed build; false when run from a development checkout. */
export const isPackaged = (): boolean => app.isPackaged;

/**
 * The desk has one window: closing it quits, on macOS too, so the store is always closed
 * with it and no headless process keeps the database open.
 */
export function quitWhenWindowsClosed(): void {
  app.on('window-all-closed', () => app.quit());
}

/**
 * Runs `work` to its end before the app quits (the notification sender recording what is in
 * flight, then the store closing), then quits for real. `work` bounds its own waiting.
 */
export function finishBeforeQuit(work: () => Promise<void>): void {
  let finished = false;
  app.on('will-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    void work()
      .catch(() => {})
      .then(() => {
        finished = true;
        app.quit();
      });
  });
}
