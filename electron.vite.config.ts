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
          inlineDynamicImports: true,
        },
      },
    },
  },
  // Mirrors renderer/vite.config.ts (the web host and Playwright build the same renderer).
  renderer: {
    root: resolve(root, 'renderer'),
    // Served from app://order-desk/, so absolute asset URLs resolve against the app origin.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
