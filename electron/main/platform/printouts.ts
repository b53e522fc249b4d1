// Opening finished PDFs with the operating system's viewer, which prints them.
import path from 'node:path';
import { shell } from 'electron';
import type { Printouts } from '../services/slips/printouts.js';

/**
 * Printouts for the desktop app: the PDF opens in the system viewer and the call answers
 * url: null. Only PDFs inside the slips folder are opened — shell.openPath runs whatever app a
 * file type maps to, so nothing else may ever reach it.
 */
export function systemViewerPrintouts(slipsDir: string, logError: (message: string, error: unknown) => void): Printouts {
  const root = path.resolve(slipsDir) + path.sep;
  return {
    show({ filePath }) {
      const resolved = path.resolve(filePath);
      if (!resolved.startsWith(root) || path.extname(resolved) !== '.pdf') {
        logError('refused to open a file outside the slips folder', null);
        return { url: null };
      }
      shell
        .openPath(resolved)
        .then((problem) => {
          if (problem) logError('the PDF viewer could not open the slips', new Error(problem));
        })
        .catch((error: unknown) => logError('the PDF viewer could not open the slips', error));
      return { url: null };
    },
  };
}
