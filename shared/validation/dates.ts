// Date and year helpers: ISO `YYYY-MM-DD` strings compare as text once their shape is checked.
import type { IsoDate } from '../types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_KEY = /^\d{4}$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string | null): value is IsoDate {
  if (value === null) return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === value;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The year a `Record<year, …>` key stands for, or null when the key is not a four-digit year. */
export function yearOfKey(key: string): number | null {
  return YEAR_KEY.test(key) ? Number(key) : null;
}

/** « 01/01/2025 » for French messages. */
export function frDate(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function dayAfter(date: IsoDate): IsoDate {
  return new Date(Date.parse(date) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * Length of the period from `start` to `end` inclusive, in years: a whole number when the period ends the day
 * before an anniversary of its start (2025-01-01..2029-12-31 → 5), else rounded to one decimal.
 */
export function periodYears(start: IsoDate, end: IsoDate): number {
  const next = dayAfter(end);
  if (next.slice(5) === start.slice(5)) return yearOf(next) - yearOf(start);
  const days = (Date.parse(next) - Date.parse(start)) / DAY_MS;
  return Math.round((days / 365.25) * 10) / 10;
}

/** Years as a short list: « 2025, 2026 ». */
export function yearList(years: readonly (number | string)[]): string {
  return years.join(', ');
}
