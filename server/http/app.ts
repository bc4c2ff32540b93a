// The HTTP API (Hono): health, metrics and the /api routes, one error handler that turns every failure into
// `{ error: { code, message } }` with a French message. Testable in-process with `app.request(...)`.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { ModelError } from '../../shared/index.ts';
import { CtgError } from '../errors.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { conventionRoutes } from './conventions.ts';
import { exportRoutes } from './exports.ts';
import { renderMetrics } from './metrics.ts';
import { webRoutes } from './web.ts';
import { toCtgError } from './to-error.ts';

export const SERVER_VERSION = '0.1.0';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type'], maxAge: 600 }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.maxBodyBytes ?? 32 * 1024 * 1024,
      onError: () => {
        throw new CtgError('payload_too_large');
      },
    }),
  );

  app.get('/health', (c) =>
    c.json({
      status: 'ok',
      version: SERVER_VERSION,
      uptimeSeconds: Math.round((deps.now() - deps.startedAt) / 1000),
      openConventions: deps.documents.openCount,
      connections: deps.connections(),
    }),
  );

  app.get('/metrics', (c) =>
    c.body(
      renderMetrics(deps.metrics, {
        connections: deps.connections(),
        openConventions: deps.documents.openCount,
        uptimeSeconds: Math.round((deps.now() - deps.startedAt) / 1000),
      }),
      200,
      { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' },
    ),
  );

  app.route('/api/conventions', exportRoutes(deps));
  app.route('/api/conventions', conventionRoutes(deps));
  app.route('/', webRoutes({ publicUrl: deps.publicUrl }));

  app.notFound((c) => c.json(new CtgError('not_found').toBody(), 404));

  app.onError((error, c) => {
    const known = toCtgError(error);
    if (known.status >= 500) deps.log.error('erreur HTTP', { path: c.req.path, method: c.req.method, error });
    if (known.code === 'bad_request' && error instanceof ModelError) {
      return c.json({ error: { code: known.code, message: known.message, detail: error.code } }, known.status);
    }
    return c.json(known.toBody(), known.status);
  });

  return app;
}
