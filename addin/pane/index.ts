// The task pane for the app shells: importing this registers <ctg-pane> and its parts.
export { ConnectionController } from './controllers/connection-controller.ts';
export { ConventionController, type ConventionState } from './controllers/convention-controller.ts';
export { PresenceController } from './controllers/presence-controller.ts';
export { CtgAddForm } from './ctg-add-form.ts';
export { CtgFindings } from './ctg-findings.ts';
export { CtgJoin } from './ctg-join.ts';
export { CtgNavigator } from './ctg-navigator.ts';
export { CtgPane } from './ctg-pane.ts';
export { CtgPresence } from './ctg-presence.ts';
export { CtgStatus } from './ctg-status.ts';
export type { JoinDetail, LangDetail, LeaveDetail } from './events.ts';
export { rememberedJoin } from './join-input.ts';
export type { AwarenessLike, PaneSession } from './session-port.ts';
export { documentSettingsStorage, localStorageFor, memoryStorage, type PaneStorage } from './storage.ts';
