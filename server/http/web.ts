// The web pages the server hands out: the home page, the live view of a convention (`/view/<id>`), the task pane
// and its assets (built by `vite build` into dist/app), office.js from the installed @microsoft/office-js package
// (so nothing needs the internet), and the add-in manifest with its URLs pointing at this very server.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const ROOT = join(import.meta.dirname, '..', '..');
export const APP_DIR = join(ROOT, 'dist', 'app');
const OFFICE_DIR = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const MANIFEST = join(ROOT, 'manifest.xml');
const MANIFEST_ORIGIN = 'https://localhost:8787';

export interface WebOptions {
  /** Base URL of this server, e.g. `https://localhost:8787`. */
  publicUrl: () => string;
  /** Folder of the built pages (default: dist/app). */
  appDir?: string;
}

export function webRoutes(options: WebOptions): Hono {
  const appDir = options.appDir ?? APP_DIR;
  const web = new Hono();
  const page = (name: string) => () => {
    const file = join(appDir, name, 'index.html');
    if (!existsSync(file)) return notBuilt();
    return new Response(readFileSync(file), { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' } });
  };

  web.get('/', page('home'));
  web.get('/view/:conventionId', page('view'));
  web.get('/manifest.xml', () => {
    const xml = readFileSync(MANIFEST, 'utf8').replaceAll(MANIFEST_ORIGIN, options.publicUrl());
    return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
  });
  web.use('/app/*', serveStatic({ root: appDir, rewriteRequestPath: (path) => path.replace(/^\/app/, '') }));
  web.use('/office/*', serveStatic({ root: OFFICE_DIR, rewriteRequestPath: (path) => path.replace(/^\/office/, '') }));
  return web;
}

function notBuilt(): Response {
  return new Response(
    '<!doctype html><meta charset="utf-8"><title>Concerto</title><p style="font-family:system-ui;margin:3rem">Les pages de Concerto ne sont pas encore construites : lancez <code>npm run build</code> (ou <code>npm start</code>, qui le fait), puis rechargez cette page.</p>',
    { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
}
