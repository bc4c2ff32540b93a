// The rows both SQL adapters store (conventions, update log, versions) and how they read back into the storage port's
// types. SQLite returns integers as numbers, PostgreSQL returns BIGINT as strings: both go through `Number`.
import type { Author, ConventionRecord, StoredUpdate, VersionInfo } from './port.ts';

type Integer = number | string;

export interface ConventionRow {
  id: string;
  title: string;
  created_at: Integer;
  created_by_name: string;
  created_by_party: string;
}

export interface UpdateRow {
  seq: Integer;
  convention_id: string;
  data: Buffer;
  author_name: string;
  author_party: string;
  at: Integer;
  until: Integer;
  count: number;
}

export interface VersionRow {
  convention_id: string;
  id: string;
  name: string;
  author_name: string;
  author_party: string;
  at: Integer;
  seq: Integer;
  state?: Buffer;
}

export const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export const author = (row: { author_name: string; author_party: string }): Author => ({
  name: row.author_name,
  party: row.author_party,
});

export const toConvention = (row: ConventionRow): ConventionRecord => ({
  id: row.id,
  title: row.title,
  createdAt: Number(row.created_at),
  createdBy: { name: row.created_by_name, party: row.created_by_party },
});

export const toUpdate = (row: UpdateRow): StoredUpdate => ({
  seq: Number(row.seq),
  conventionId: row.convention_id,
  update: bytes(row.data),
  author: author(row),
  at: Number(row.at),
  until: Number(row.until),
  count: Number(row.count),
});

export const toVersionInfo = (row: VersionRow): VersionInfo => ({
  id: row.id,
  conventionId: row.convention_id,
  name: row.name,
  author: author(row),
  at: Number(row.at),
  seq: Number(row.seq),
});
