export { startEmulator, type Emulator } from './src/start-emulator';
export { EMULATOR_ACCOUNT_SID, EMULATOR_AUTH_TOKEN, DEFAULT_EMULATOR_NUMBERS } from './src/constants';
export type { EmulatorOptionsInput as EmulatorOptions } from './src/options';
export type { EmulatorState } from './src/control/snapshot';
export type { CallView } from './src/control/call-view';
export type { Hearing, HearingSegment, HeardParty } from './src/engine/hearing-types';
export { silenceStats, type SilenceStats } from './src/engine/hearing';
export { pointTwilioClientAt } from './src/point-client';
