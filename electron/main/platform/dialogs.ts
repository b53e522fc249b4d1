// Native dialogs main shows on its own (the renderer may not be up, or may be the problem).
import { dialog } from 'electron';

/** A blocking error box for failures that stop the desk from starting. */
export function showStartupError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}
