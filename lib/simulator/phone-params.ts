/**
 * Device.connect params that make a browser a simulated PSTN phone in rehearsal: the emulator rings `to` from
 * `from` as if from the phone network (emulator/README.md). The app never imports the emulator, so the names are
 * repeated here and phone-params.test.ts holds them equal to the emulator's PHONE_FROM_PARAM/PHONE_TO_PARAM.
 */
export const SIMULATED_PHONE_PARAMS = { from: 'EmulatorPhoneFrom', to: 'EmulatorPhoneTo' } as const;
