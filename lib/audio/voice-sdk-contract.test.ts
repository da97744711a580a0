import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SDK_SOUND_NAMES } from './device-options';

// Rehearsal drives the unmodified @twilio/voice-sdk through private options and its undocumented signalling
// protocol (shared/twilio/VOICE-SDK.md). These tests read and run the SDK's own build, so an upgrade that
// changes what we rely on fails here instead of leaving rehearsal silent.
const PINNED = '2.18.5';
const sdkRoot = path.resolve('node_modules/@twilio/voice-sdk');
const esm = (file: string) => readFileSync(path.join(sdkRoot, 'esm/twilio', file), 'utf8');
const es5 = (file: string) => readFileSync(path.join(sdkRoot, 'es5/twilio', file), 'utf8');

interface SentMessage {
  type: string;
  version: string;
  payload: Record<string, unknown>;
}

interface SdkPStream extends EventEmitter {
  invite(sdp: string, callsid: string, params: string): void;
  reconnect(sdp: string, callsid: string, reconnect: string): void;
  answer(sdp: string, callsid: string): void;
  hangup(callsid: string, message?: string): void;
  dtmf(callsid: string, digits: string): void;
  reinvite(sdp: string, callsid: string): void;
  reject(callsid: string): void;
  register(media: object): void;
  setToken(token: string): void;
}

/** The SDK's PStream (its signalling client) on a fake transport that records what it sends. */
async function pstreamOnFakeTransport() {
  const { default: PStream } = (await import(path.join(sdkRoot, 'esm/twilio/pstream.js'))) as {
    default: new (token: string, uris: string[], options: object) => SdkPStream;
  };
  const sent: SentMessage[] = [];
  class FakeTransport extends EventEmitter {
    open() {
      queueMicrotask(() => this.emit('open'));
    }
    send(message: string) {
      sent.push(JSON.parse(message) as SentMessage);
      return true;
    }
    close() {}
    updatePreferredURI() {}
    updateURIs() {}
  }
  const stream = new PStream('the-token', ['wss://127.0.0.1:1/signal'], { TransportFactory: FakeTransport });
  await new Promise((resolve) => setTimeout(resolve, 0));
  const transport = (stream as unknown as { transport: FakeTransport }).transport;
  return { stream, sent, receive: (message: unknown) => transport.emit('message', { data: JSON.stringify(message) }) };
}

describe('the Voice SDK contract rehearsal relies on', () => {
  it('is the pinned SDK version, pinned exactly in package.json', () => {
    const sdk = JSON.parse(readFileSync(path.join(sdkRoot, 'package.json'), 'utf8')) as { version: string };
    const app = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(app.dependencies['@twilio/voice-sdk']).toBe(PINNED);
    expect(sdk.version).toBe(PINNED);
  });

  it('still reads the private Device options chunderw, publishEvents and fileInputStream, in both builds', () => {
    for (const [build, device] of [
      ['esm', esm('device.js')],
      ['es5', es5('device.js')],
    ] as const) {
      for (const use of [
        /_options\.chunderw === 'string'/,
        /_options\.publishEvents === false/,
        /_options\.fileInputStream \|\| \w+\._callInputStream/,
        /_options\.sounds && \w+\._options\.sounds\[\w+\]/,
      ]) {
        expect(use.test(device), `${build}/twilio/device.js still matches ${use}`).toBe(true);
      }
    }
    const types = readFileSync(path.join(sdkRoot, 'lib/twilio/device.ts'), 'utf8');
    expect(types).toMatch(/chunderw\?: string \| string\[\];/);
    expect(types).toMatch(/publishEvents\?: boolean;/);
    expect(types).toMatch(/fileInputStream\?: MediaStream;/);
    expect(types).toMatch(/codecPreferences\?: Call\.Codec\[\];/);
  });

  it('still lets the app re-list devices after the microphone permission (AudioHelper._updateAvailableDevices)', () => {
    const helper = esm('audiohelper.js');
    expect(
      helper.includes('this._updateAvailableDevices = () => {'),
      '_updateAvailableDevices is still a method returning a promise',
    ).toBe(true);
    expect(readFileSync(path.join(sdkRoot, 'es5/twilio/audiohelper.d.ts'), 'utf8')).toContain(
      '_updateAvailableDevices: () => Promise<void>;',
    );
  });

  it('turns the chunderw host into wss://host/signal', async () => {
    const { createSignalingEndpointURL } = (await import(path.join(sdkRoot, 'esm/twilio/regions.js'))) as {
      createSignalingEndpointURL: (uri: string) => string;
    };
    expect(createSignalingEndpointURL('127.0.0.1:3032')).toBe('wss://127.0.0.1:3032/signal');
  });

  it('has exactly the sounds we ship local copies of', () => {
    const names = [...esm('device.js').matchAll(/SoundName\["\w+"\] = "(\w+)"/g)].map((m) => m[1]);
    expect(names.sort()).toEqual([...SDK_SOUND_NAMES].sort());
  });

  it('sends listen, invite, hangup, dtmf, reinvite, answer, reject and register with the payloads the emulator parses', async () => {
    const { stream, sent } = await pstreamOnFakeTransport();
    stream.invite('offer-sdp', 'TJSxyz', 'room=live&episodeId=e1');
    stream.reconnect('offer-sdp', 'CA1', 'reconnect-token');
    stream.answer('answer-sdp', 'CA2');
    stream.hangup('CA1');
    stream.hangup('CA1', 'bye');
    stream.dtmf('CA1', '5');
    stream.reinvite('restart-sdp', 'CA1');
    stream.reject('CA3');
    stream.register({ audio: true });
    stream.setToken('fresh-token');
    expect(
      sent.map(({ type, payload }) => ({
        type,
        payload: type === 'listen' ? { ...payload, browserinfo: typeof payload.browserinfo } : payload,
      })),
    ).toEqual([
      { type: 'listen', payload: { browserinfo: 'object', reconnectTimeout: 0, token: 'the-token' } },
      {
        type: 'invite',
        payload: { callsid: 'TJSxyz', sdp: 'offer-sdp', twilio: { params: 'room=live&episodeId=e1' } },
      },
      { type: 'invite', payload: { callsid: 'CA1', reconnect: 'reconnect-token', sdp: 'offer-sdp', twilio: {} } },
      { type: 'answer', payload: { sdp: 'answer-sdp', callsid: 'CA2' } },
      { type: 'hangup', payload: { callsid: 'CA1' } },
      { type: 'hangup', payload: { callsid: 'CA1', message: 'bye' } },
      { type: 'dtmf', payload: { callsid: 'CA1', dtmf: '5' } },
      { type: 'reinvite', payload: { sdp: 'restart-sdp', callsid: 'CA1' } },
      { type: 'reject', payload: { callsid: 'CA3' } },
      { type: 'register', payload: { media: { audio: true } } },
      { type: 'listen', payload: { browserinfo: 'object', reconnectTimeout: 0, token: 'fresh-token' } },
    ]);
    expect(new Set(sent.map((m) => m.version))).toEqual(new Set(['1.6']));
  });

  it('hands each server message to listeners by its type, with its payload', async () => {
    const { stream, receive } = await pstreamOnFakeTransport();
    const got: [string, unknown][] = [];
    for (const type of ['connected', 'ready', 'ringing', 'answer', 'hangup', 'cancel', 'invite', 'error'])
      stream.on(type, (payload: unknown) => got.push([type, payload]));
    receive({
      type: 'connected',
      version: '1.6',
      payload: { region: 'local', token: { identity: 'user-1', ttl: 900 } },
    });
    receive({ type: 'answer', version: '1.6', payload: { callsid: 'CA1', sdp: 'answer-sdp' } });
    receive({ type: 'hangup', version: '1.6', payload: { callsid: 'CA1', error: { code: 31005, message: 'gone' } } });
    expect(got).toEqual([
      ['connected', { region: 'local', token: { identity: 'user-1', ttl: 900 } }],
      ['answer', { callsid: 'CA1', sdp: 'answer-sdp' }],
      ['hangup', { callsid: 'CA1', error: { code: 31005, message: 'gone' } }],
    ]);
  });

  it('listens for the server messages the emulator sends: the Device for connected/ready/invite/error, the Call for answer/ringing/hangup/cancel', () => {
    const device = esm('device.js');
    const call = esm('call.js');
    const expected: [string, string][] = [
      ...['connected', 'error', 'invite', 'ready', 'offline'].map((type): [string, string] => [
        device,
        `this._stream.addListener('${type}'`,
      ]),
      ...['ringing', 'cancel', 'error'].map((type): [string, string] => [call, `this._pstream.on('${type}'`]),
      [call, `this._pstream.on('answer', this._onAnswer)`],
      [call, `this._pstream.addListener('hangup', this._onHangup)`],
      [device, 'this._identity = payload.token.identity;'],
      [device, "typeof payload.token.ttl === 'number'"],
    ];
    for (const [source, text] of expected) expect(source.includes(text), text).toBe(true);
  });

  it('answers the one-character heartbeat and gives up on a silent server', () => {
    const transport = esm('wstransport.js');
    for (const text of [`message.data === '\\n'`, `this._socket.send('\\n')`, 'const HEARTBEAT_TIMEOUT = 15000;'])
      expect(transport.includes(text), text).toBe(true);
  });
});
