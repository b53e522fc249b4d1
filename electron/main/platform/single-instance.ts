// One desk per user: two processes on one SQLite file and one outbox would race each other.
import { app } from 'electron';

/**
 * Takes the single-instance lock. The first instance gets true and `onSecondLaunch` runs each
 * time someone starts the app again; a second instance gets false and quits at once.
 */
export function claimSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondLaunch());
  return true;
}
