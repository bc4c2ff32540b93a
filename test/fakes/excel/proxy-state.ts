// What the fake's proxies share: the workbook, the events, the requirement sets; and the failure a host gives for
// a call its requirement set does not have (office.js has the method, the host refuses it at the sync).
import type { FakeRequestContext } from './context.ts';
import { ErrorCodes, FakeOfficeError } from './errors.ts';
import type { EventRegistry } from './events.ts';
import type { WorkbookState } from './workbook.ts';

export interface ExcelState {
  wb: WorkbookState;
  events: EventRegistry;
  supports(set: string, version: string): boolean;
}

/** Queues a failure when the host lacks the requirement set (office.js has the method; the host refuses it). */
export function requires(context: FakeRequestContext, state: ExcelState, version: string, api: string): void {
  if (state.supports('ExcelApi', version)) return;
  context.enqueue(() => {
    throw new FakeOfficeError(ErrorCodes.apiNotFound, `${api} needs ExcelApi ${version}.`, { errorLocation: api });
  });
}

