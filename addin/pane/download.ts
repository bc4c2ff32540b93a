// Downloads an export from the server with the participant's token: the body is read as a stream so the pane can
// show progress, then handed to the browser as a file. Failures are HttpFailures (http.ts) with the server's sentence.
import { httpRequest } from './http.ts';

export interface DownloadProgress {
  received: number;
  /** From Content-Length; null when the server did not say. */
  total: number | null;
}

export interface Downloaded {
  blob: Blob;
  fileName: string;
}

export async function fetchExport(url: string, token: string, onProgress: (p: DownloadProgress) => void, fetcher: typeof fetch = fetch): Promise<Downloaded> {
  const response = await httpRequest(fetcher, url, { token });
  const total = Number(response.headers.get('Content-Length')) || null;
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'convention';
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onProgress({ received, total });
    }
  } else chunks.push(new Uint8Array(await response.arrayBuffer()));
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName };
}

/** Hands a blob to the browser as a downloaded file. */
export function saveFile({ blob, fileName }: Downloaded): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
