// Size of the JavaScript each page downloads (gzip), from the vite build in dist/app (built here if missing).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../../', import.meta.url).pathname;
const APP = join(ROOT, 'dist', 'app');
const TARGET_KB = 250;

/** The JS files a page loads: its entry script and every chunk it imports, transitively. */
function pageScripts(page: string): string[] {
  const html = readFileSync(join(APP, page, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(APP, file), 'utf8');
    for (const m of code.matchAll(/from\s*"\.\/([^"]+\.js)"|import\("\.\/([^"]+\.js)"\)/g)) queue.push(`assets/${m[1] ?? m[2]}`);
  }
  return [...seen];
}

export function runBuildSizeBench(): void {
  if (!existsSync(APP)) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const gzipKb = (file: string) => gzipSync(readFileSync(join(APP, file))).byteLength / 1024;
  const rows: Record<string, { files: number; 'gzip KiB': string; 'target KiB': number; ok: string }> = {};
  for (const page of readdirSync(APP).filter((d) => existsSync(join(APP, d, 'index.html')))) {
    const files = pageScripts(page);
    const total = files.reduce((sum, f) => sum + gzipKb(f), 0);
    rows[page] = { files: files.length, 'gzip KiB': total.toFixed(1), 'target KiB': TARGET_KB, ok: total <= TARGET_KB ? 'oui' : 'NON' };
  }
  console.log('\n== JavaScript downloaded per page (gzip) ==');
  console.table(rows);
}
