// What an uploaded .xlsx (a zip) says it holds once decompressed, read from its central directory before anything is
// inflated: a small file that would decompress into gigabytes (a zip bomb) is refused before ExcelJS opens it.
//
// End of central directory (last 22 bytes + comment): signature 50 4b 05 06, …, entry count (u16 at 10), directory
// size (u32 at 12), directory offset (u32 at 16). Each directory entry: signature 50 4b 01 02, …, uncompressed size
// (u32 at 24), name length (u16 at 28), extra length (u16 at 30), comment length (u16 at 32), then 46 + those bytes.

/** Largest total a workbook may decompress to. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** More entries than any workbook has. */
const MAX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const ENTRY = 0x02014b50;
const ZIP64 = 0xffffffff;

export type ZipSizes = { readonly kind: 'ok'; readonly total: number } | { readonly kind: 'unreadable' } | { readonly kind: 'too-large'; readonly total: number };

/** The total uncompressed size the zip declares, or why it cannot be accepted (ZIP64 sizes count as too large). */
export function declaredZipSizes(bytes: Uint8Array, limit = MAX_UNCOMPRESSED_BYTES): ZipSizes {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return { kind: 'unreadable' };
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count > MAX_ENTRIES || offset === ZIP64) return { kind: 'too-large', total: Number.POSITIVE_INFINITY };
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== ENTRY) return { kind: 'unreadable' };
    const size = view.getUint32(at + 24, true);
    total += size === ZIP64 ? Number.POSITIVE_INFINITY : size;
    if (total > limit) return { kind: 'too-large', total };
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { kind: 'ok', total };
}
