// What the service tests share: the machine's PostgreSQL and Redis, a fresh database per test file (dropped at the
// end, so runs never see each other's data), a Redis prefix of the same name, and a way to cut a bus's connection.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/** An administrator connection (creates and drops the test databases). */
export const POSTGRES_ADMIN_URL = process.env.CTG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.CTG_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** A Redis channel prefix private to this database. */
  readonly prefix: string;
  drop(): Promise<void>;
}

async function admin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(): Promise<TestDatabase> {
  const name = `ctg_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    prefix: `ctg:${name}:`,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** Resolves once `check` holds, polling. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`délai dépassé : ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Cuts the Redis subscriber connections of the buses using `prefix`, as a network failure would; returns how many. */
export async function cutSubscribers(prefix: string): Promise<number> {
  const admin = new Redis(REDIS_URL);
  try {
    const list = String(await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    const ids = list
      .split('\n')
      .filter((line) => line.includes(`name=ctg-bus-sub-${prefix}`))
      .map((line) => /\bid=(\d+)/.exec(line)?.[1])
      .filter((id) => id !== undefined);
    for (const id of ids) await admin.call('CLIENT', 'KILL', 'ID', id);
    return ids.length;
  } finally {
    await admin.quit();
  }
}
