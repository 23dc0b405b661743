/**
 * Maps PostgreSQL's error position back into the editor's text. PostgreSQL counts 1-based characters
 * (code points) in the statement it received; the editor indexes UTF-16 units of its whole text, and
 * the statement sent started at `sentStart` in it.
 */

/** 0-based UTF-16 offset in `text` of the 1-based code-point `position`, clamped to the text. */
export function codePointPositionToOffset(text: string, position: number): number {
  let offset = 0;
  for (let remaining = Math.max(0, position - 1); remaining > 0 && offset < text.length; remaining--) {
    const code = text.codePointAt(offset) ?? 0;
    offset += code > 0xffff ? 2 : 1;
  }
  return Math.min(offset, text.length);
}

const wordChar = /[\p{L}\p{N}_$]/u;

/**
 * The span to underline for an error at `position` in the statement `sent`, which began at `sentStart`
 * in the editor: the word or quoted identifier there, at least one character. An error "at end of
 * input" (position past the text) marks the last character.
 * @example errorSpan('select * from nope', 15, 100) → { start: 114, end: 118 }
 */
export function errorSpan(sent: string, position: number, sentStart: number): { start: number; end: number } {
  if (sent.length === 0) return { start: sentStart, end: sentStart };
  let start = codePointPositionToOffset(sent, position);
  if (start >= sent.length) start = sent.length - 1;
  let end = start + 1;
  if (sent[start] === '"') {
    const close = sent.indexOf('"', start + 1);
    end = close === -1 ? sent.length : close + 1;
  } else if (wordChar.test(sent[start] ?? '')) {
    while (end < sent.length && wordChar.test(sent[end] ?? '')) end++;
  }
  return { start: sentStart + start, end: sentStart + end };
}
