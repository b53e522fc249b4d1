import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // npm dependencies stay in node_modules (packaged beside out/) rather than being bundled;
      // the native driver above all must stay a real import resolved at run time.
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require only 'electron' (and a few polyfilled built-ins), and
      // cannot load ES modules: bundle everything it uses (the contract, zod) into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: '[name]-[hash].cjs',
          codeSplitting: false,
        },
      },
    },
  },
  // Mirrors renderer/vite.config.ts (the web host and Playwright build the same renderer).
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs: loaded from app://order-desk/ here, from / by the web host.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // No inline <script>s or data: module URLs: the CSP allows scripts from 'self' only.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      sourcemap: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
