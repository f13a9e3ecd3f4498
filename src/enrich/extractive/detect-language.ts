// Language detection offline: eld (Nito-ELD, Apache-2.0) ships its n-gram model inside the
// package. Its smallest model (about 1 MB of JavaScript) is loaded on first use, so commands
// that never summarize do not pay for it.

/** The detector's answer: a language when it is sure, and its best guess either way. */
export interface DetectedLanguage {
  /** ISO 639-1, when the detector calls its answer reliable. */
  language?: string;
  /** ISO 639-1 of the most likely language, sure or not. */
  guess?: string;
}

export type DetectLanguage = (text: string) => DetectedLanguage;

// A few sentences are plenty, and the cost grows with the length.
const SAMPLE_CHARS = 1_200;
const MIN_LETTERS = 20;

let loading: Promise<DetectLanguage> | undefined;

/** The detector, loaded once per process. */
export function loadLanguageDetector(): Promise<DetectLanguage> {
  loading ??= import("eld/extrasmall").then(({ eld }) => (text: string) => {
    const sample = text.slice(0, SAMPLE_CHARS);
    if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return {};
    const result = eld.detect(sample);
    if (result.language === "") return {};
    return result.isReliable()
      ? { language: result.language, guess: result.language }
      : { guess: result.language };
  });
  return loading;
}
