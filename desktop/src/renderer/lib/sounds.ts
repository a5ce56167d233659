/**
 * The scanner's sounds (ui.md): a short high tone for a right scan, a low double tone for a wrong
 * one, a rising pair when a task is done. WebAudio oscillators, so there are no audio files to
 * load and the tone starts within a few milliseconds. Where there is no audio (tests, a locked
 * down browser) it stays silent; the screen always says the same thing in words.
 */
export type Cue = 'right' | 'wrong' | 'done';

const tones: Record<Cue, Array<{ hz: number; ms: number; gapMs?: number }>> = {
  right: [{ hz: 1320, ms: 70 }],
  wrong: [
    { hz: 220, ms: 140, gapMs: 60 },
    { hz: 196, ms: 180 },
  ],
  done: [
    { hz: 880, ms: 90, gapMs: 20 },
    { hz: 1320, ms: 140 },
  ],
};

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  const Ctor = globalThis.AudioContext;
  if (!Ctor) return null;
  context = new Ctor();
  return context;
}

/** An object so tests can spy on `cues.play` and assert which sound a scan made. */
export const cues = {
  play(cue: Cue): void {
    const ctx = audio();
    if (!ctx) return;
    if (ctx.state === 'suspended') void ctx.resume();
    let at = ctx.currentTime;
    for (const tone of tones[cue]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = tone.hz;
      gain.gain.setValueAtTime(0.08, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + tone.ms / 1000);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + tone.ms / 1000);
      at += (tone.ms + (tone.gapMs ?? 0)) / 1000;
    }
  },
};
