// The adapter's own writes come back as `onChanged` events. Where Excel says who did it (`triggerSource`,
// ExcelApi 1.14) the adapter skips `ThisLocalAddin`; elsewhere this guard remembers each area it changed and takes
// the first event for exactly that area, within a few seconds, as its echo. A missed echo costs a re-read, never a
// wrong value; a person's edit of one cell inside a larger area the adapter wrote is never taken for an echo.
import { type Area, sameArea } from '../../../shared/workbook/address.ts';

interface Expected {
  sheetId: string;
  area: Area;
  until: number;
}

export class EchoGuard {
  private expected: Expected[] = [];

  constructor(
    private readonly now: () => number,
    private readonly windowMs = 5000,
  ) {}

  expect(sheetId: string, area: Area, times = 1): void {
    for (let i = 0; i < times; i++) this.expected.push({ sheetId, area, until: this.now() + this.windowMs });
  }

  /** True when the event is an echo (and consumes it). */
  consume(sheetId: string, area: Area): boolean {
    const now = this.now();
    this.expected = this.expected.filter((e) => e.until > now);
    const at = this.expected.findIndex((e) => e.sheetId === sheetId && sameArea(area, e.area));
    if (at < 0) return false;
    this.expected.splice(at, 1);
    return true;
  }
}
