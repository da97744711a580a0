import type { AddressInfo } from 'node:net';
import { registerAudioRoutes } from './control/audio-routes';
import { registerControlRoutes, type SignalInfo } from './control/control-routes';
import { callView, type CallView } from './control/call-view';
import { snapshot, type EmulatorState } from './control/snapshot';
import { createEngine, resetEngine } from './engine/create-engine';
import { recordNotification } from './engine/notify';
import { createEmulatorServers } from './http/create-server';
import { Router } from './http/router';
import { loadOrMakeCertificate } from './http/tls';
import { AudioAssets } from './media/audio-assets';
import { AudioEngine } from './media/audio-engine';
import { StunResponder } from './media/stun-responder';
import { emulatorOptionsSchema, type EmulatorOptionsInput } from './options';
import { registerApplicationRoutes } from './rest/applications';
import { registerCallRoutes } from './rest/calls';
import { registerConferenceRoutes } from './rest/conferences';
import { registerIncomingNumberRoutes } from './rest/incoming-numbers';
import { registerKeyRoutes } from './rest/keys';
import { registerParticipantRoutes } from './rest/participants';
import { SIGNAL_PATH, SignalServer } from './signal/signal-server';
import { sleep } from './sleep';

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:3030 (no trailing slash). */
  url: string;
  accountSid: string;
  authToken: string;
  /** The Voice SDK's signalling on the same port over TLS: `chunderw` is what the browser's Device is given. */
  signal: SignalInfo;
  close(): Promise<void>;
  reset(): void;
  state(): EmulatorState;
  call(sid: string): CallView | null;
  /** Polls until the predicate returns a truthy value, which it resolves with. */
  waitFor<T>(
    predicate: (state: EmulatorState) => T | false | null | undefined,
    options?: { timeoutMs?: number; intervalMs?: number },
  ): Promise<T>;
}

export async function startEmulator(input: EmulatorOptionsInput = {}): Promise<Emulator> {
  const options = emulatorOptionsSchema.parse(input);
  const { engine, faults } = createEngine(options);
  const [certificate, stun] = await Promise.all([loadOrMakeCertificate(options.tlsDir), StunResponder.start()]);
  const assets = new AudioAssets({
    speechMsPerChar: options.speechMsPerChar,
    onFailure: (url, message) => recordNotification(engine, null, 11200, message, url),
  });
  const audio = new AudioEngine(engine, assets);
  const signalling = new SignalServer(engine, audio, { stunUrl: stun.url });
  const rest = new Router();
  registerCallRoutes(rest, engine);
  registerConferenceRoutes(rest, engine);
  registerParticipantRoutes(rest, engine);
  registerIncomingNumberRoutes(rest, engine);
  registerApplicationRoutes(rest, engine);
  registerKeyRoutes(rest, engine);
  const control = new Router();
  let signal: SignalInfo = { chunderw: '', url: '' };
  registerControlRoutes(control, engine, faults, () => signal);
  registerAudioRoutes(control, engine, audio);
  const servers = createEmulatorServers(engine, faults, rest, control, certificate);
  signalling.attach(servers.plain, servers.secure);
  await new Promise<void>((resolve, reject) => {
    servers.front.once('error', reject);
    servers.front.listen(options.port, options.host, () => resolve());
  });
  const { port } = servers.front.address() as AddressInfo;
  const url = options.baseUrl ?? `http://${options.host}:${port}`;
  const chunderw = `${options.host}:${port}`;
  signal = { chunderw, url: `wss://${chunderw}${SIGNAL_PATH}` };

  return {
    url,
    accountSid: options.accountSid,
    authToken: options.authToken,
    signal,
    close: async () => {
      resetEngine(engine, faults);
      signalling.close();
      audio.close();
      const closed = new Promise<void>((resolve) => servers.front.close(() => resolve()));
      servers.destroyConnections();
      await Promise.all([closed, stun.close()]);
    },
    reset: () => resetEngine(engine, faults),
    state: () => snapshot(engine, faults),
    call: (sid) => {
      const call = engine.store.calls.get(sid);
      return call ? callView(engine, call) : null;
    },
    waitFor: async (predicate, { timeoutMs = 5000, intervalMs = 10 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = predicate(snapshot(engine, faults));
        if (result) return result;
        if (Date.now() > deadline) throw new Error(`emulator.waitFor timed out after ${timeoutMs} ms`);
        await sleep(intervalMs);
      }
    },
  };
}
