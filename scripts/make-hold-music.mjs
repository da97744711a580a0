// Writes public/hold/switchboard-hold.wav: the app's own hold music, a soft four-chord progression that loops
// without a click (every note starts and ends at zero), so no database, route or third party stands between a
// waiting caller and music. 16 kHz mono 16-bit PCM, which Twilio plays as is. Run: node scripts/make-hold-music.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE_RATE = 16_000;
const CHORD_SECONDS = 1.5;
// C major, A minor, F major, G major (Hz), voiced close together and low so it sits under speech.
const PROGRESSION = [
  [261.63, 329.63, 392.0],
  [220.0, 261.63, 329.63],
  [174.61, 220.0, 261.63],
  [196.0, 246.94, 293.66],
];
const BASS = [130.81, 110.0, 87.31, 98.0];
const PEAK = 0.28;

function envelope(t, length) {
  const attack = 0.08;
  const release = 0.35;
  if (t < attack) return t / attack;
  if (t > length - release) return Math.max(0, (length - t) / release);
  return 1;
}

function render() {
  const perChord = Math.round(SAMPLE_RATE * CHORD_SECONDS);
  const samples = new Int16Array(perChord * PROGRESSION.length);
  PROGRESSION.forEach((chord, index) => {
    for (let i = 0; i < perChord; i += 1) {
      const t = i / SAMPLE_RATE;
      let value = 0;
      for (const f of chord) value += Math.sin(2 * Math.PI * f * t) + 0.2 * Math.sin(4 * Math.PI * f * t);
      value += 0.8 * Math.sin(2 * Math.PI * BASS[index] * t);
      // A gentle tremolo keeps a held chord from sounding like a dial tone.
      const tremolo = 0.85 + 0.15 * Math.sin(2 * Math.PI * 4 * t);
      const sample = (value / (chord.length * 1.2 + 0.8)) * envelope(t, CHORD_SECONDS) * tremolo * PEAK;
      samples[index * perChord + i] = Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
    }
  });
  return samples;
}

function wav(samples) {
  const data = Buffer.from(samples.buffer);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'hold', 'switchboard-hold.wav');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, wav(render()));
console.log(`wrote ${out}`);
