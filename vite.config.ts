// Builds the browser parts served by the Concerto server: the live view, the Office task pane and the home page.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'addin'),
  base: '/app/',
  publicDir: resolve(import.meta.dirname, 'addin/public'),
  build: {
    outDir: resolve(import.meta.dirname, 'dist/app'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        view: resolve(import.meta.dirname, 'addin/view/index.html'),
        taskpane: resolve(import.meta.dirname, 'addin/taskpane/index.html'),
        home: resolve(import.meta.dirname, 'addin/home/index.html'),
      },
    },
  },
});
