// The LibreOffice adapter with a stand-in `soffice` (a shell script): a timeout kills the whole process group, and
// conversions past the queue's limit are refused at once.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConversionFailed, ConverterBusy, libreOfficeConverter } from './libreoffice.ts';

const dir = mkdtempSync(join(tmpdir(), 'ctg-fake-soffice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A soffice that starts a child of its own (as the real launcher starts soffice.bin), notes its pid, then hangs. */
function hangingSoffice(): { path: string; childPid: () => number } {
  const path = join(dir, 'soffice-hangs');
  const pidFile = join(dir, 'child.pid');
  writeFileSync(path, `#!/bin/sh\nsleep 30 &\necho $! > ${pidFile}\nwait\n`);
  chmodSync(path, 0o755);
  return { path, childPid: () => Number(readFileSync(pidFile, 'utf8').trim()) };
}

/** Running, not a zombie waiting to be reaped (Linux: the state in /proc; elsewhere, whether it can be signalled). */
const alive = (pid: number): boolean => {
  const stat = `/proc/${pid}/stat`;
  if (existsSync('/proc/self/stat')) return existsSync(stat) && readFileSync(stat, 'utf8').split(') ')[1]?.[0] !== 'Z';
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.runIf(process.platform !== 'win32')('libreOfficeConverter', () => {
  it('kills the whole process group when a conversion times out', async () => {
    const fake = hangingSoffice();
    const converter = libreOfficeConverter({ soffice: fake.path, timeoutMs: 300 });
    await expect(converter.convert(Buffer.from('x'), 'convention.docx', 'pdf')).rejects.toThrow(/délai dépassé/);
    const child = fake.childPid();
    const deadline = Date.now() + 2000;
    while (alive(child) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive(child)).toBe(false);
    await converter.close?.();
  });

  it('refuses a conversion when the queue is full', async () => {
    const fake = hangingSoffice();
    const converter = libreOfficeConverter({ soffice: fake.path, timeoutMs: 300, maxQueued: 2 });
    const first = converter.convert(Buffer.from('1'), 'a.docx', 'pdf');
    const second = converter.convert(Buffer.from('2'), 'b.docx', 'pdf');
    await expect(converter.convert(Buffer.from('3'), 'c.docx', 'pdf')).rejects.toBeInstanceOf(ConverterBusy);
    await expect(first).rejects.toBeInstanceOf(ConversionFailed);
    await expect(second).rejects.toBeInstanceOf(ConversionFailed);
    await converter.close?.();
  });
});
