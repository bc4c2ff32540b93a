// Child-process entry for the benchmark's reference servers, so each runs alone in its process like ours:
// `tsx test/bench/server-peers.ts yws|hocuspocus PORT`. Prints `READY` once listening.
import { createServer } from 'node:http';
import { Server as HocuspocusServer } from '@hocuspocus/server';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const [kind, portText] = process.argv.slice(2);
const port = Number(portText);

if (kind === 'yws') {
  // The reference y-websocket server (what `npx y-websocket` runs), without persistence.
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((_request, response) => response.end('okay'));
  wss.on('connection', (ws, request) => setupWSConnection(ws, request));
  http.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  http.listen(port, '127.0.0.1', () => process.stdout.write('READY\n'));
} else if (kind === 'hocuspocus') {
  const server = new HocuspocusServer({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
  await server.listen();
  process.stdout.write('READY\n');
} else {
  process.stderr.write(`serveur de référence inconnu : ${kind}\n`);
  process.exit(2);
}
