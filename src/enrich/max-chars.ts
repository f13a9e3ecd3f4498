/** Blurb length limit for both the summary and "Why it matters". */
export const MAX_CHARS = 300;
