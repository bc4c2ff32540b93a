// `ctg serve --tls-cert --tls-key`: the server speaks HTTPS (Office add-ins are only loaded over HTTPS).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServer } from './server.ts';
import { createMemoryStorage } from './storage/memory.ts';

const dir = mkdtempSync(join(tmpdir(), 'ctg-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('serves HTTPS with the given certificate and key', async () => {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const server = await startServer({ port: 0, storage: createMemoryStorage(), secret: new Uint8Array(32).fill(7), tls: { cert: readFileSync(cert), key: readFileSync(key) } });
  try {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      get(`${server.url}/health`, { ca: readFileSync(cert) }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(JSON.parse(body)).toMatchObject({ status: 'ok' });
  } finally {
    await server.close();
  }
});
