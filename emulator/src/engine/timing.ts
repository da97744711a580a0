import type { Engine } from './context';

export function sayMs(engine: Engine, text: string): number {
  return Math.max(1, engine.scaled(text.length * engine.options.speechMsPerChar));
}

export function playMs(engine: Engine): number {
  return Math.max(1, engine.scaled(engine.options.playMs));
}

export function pauseMs(engine: Engine, seconds: number): number {
  return engine.scaled(seconds * 1000);
}

/** Twilio repeats loop="0" until the call moves on; the emulator models that as forever. */
export function repetitions(loop: number): number {
  return loop === 0 ? Number.POSITIVE_INFINITY : loop;
}
