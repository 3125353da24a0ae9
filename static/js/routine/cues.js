/* Sound, voice and vibration cues for the player, each optional; the choice is remembered.
   Tones are synthesised with Web Audio, so there are no audio files to download or cache. */
// @ts-check
import { prefs } from '../lib/dom.js';

const KEY = 'relieve.cues';
const DEFAULTS = { sound: true, voice: true, vibration: true };
let audio = null;
let spoken = false;

const settings = () => ({ ...DEFAULTS, ...(prefs.getJSON(KEY) || {}) });
const save = (value) => prefs.setJSON(KEY, { ...settings(), ...value });

/** Browsers only allow sound after a tap: call this from the Start or Resume button. */
function unlock() {
  // Safari before 14.1 has only the prefixed constructor.
  const Context = window.AudioContext || /** @type {Window & { webkitAudioContext?: typeof AudioContext }} */ (window).webkitAudioContext;
  if (Context) {
    if (!audio) audio = new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
  }
  // iOS only speaks later, from a timer, if speech was first started inside a tap.
  if (!spoken && 'speechSynthesis' in window) {
    spoken = true;
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
  }
}

function tone(frequency, ms, delay = 0) {
  if (!audio || !settings().sound) return;
  const start = audio.currentTime + delay / 1000;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  // A soft attack and release: clicks are startling when you are lying still.
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + ms / 1000);
  osc.connect(gain).connect(audio.destination);
  osc.start(start);
  osc.stop(start + ms / 1000 + 0.05);
}

function say(text) {
  if (!settings().voice || !('speechSynthesis' in window)) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.rate = 0.95;
  // Chrome can drop an utterance queued in the same task as cancel().
  setTimeout(() => window.speechSynthesis.speak(utterance), 60);
}

function buzz(pattern) {
  if (settings().vibration && navigator.vibrate) navigator.vibrate(pattern);
}

export const countdown = () => tone(660, 120);
export const transition = () => { tone(880, 160); tone(1175, 220, 180); buzz([120, 60, 120]); };
export const finished = () => { tone(784, 180); tone(988, 180, 200); tone(1175, 320, 400); buzz([200, 100, 200]); };
export const silence = () => { if ('speechSynthesis' in window) window.speechSynthesis.cancel(); };
export { settings, save, unlock, say };
