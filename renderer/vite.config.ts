import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths are built from import.meta.dirname (Vite injects it when bundling this file) so the
// build works from any working directory without importing node:path into renderer/.
const rendererDir = import.meta.dirname;

export default defineConfig({
  root: rendererDir,
  // Relative asset URLs: the Electron build loads the app from a custom protocol, the web host from /.
  base: './',
  plugins: [react()],
  build: {
    outDir: `${rendererDir}/../out/renderer`,
    emptyOutDir: true,
    // No inline <script>s or data: module URLs: the CSP allows scripts from 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    // Loaded from disk by a desktop app: one bundle is fine, there is no network to split for.
    chunkSizeWarningLimit: 1500,
  },
});
