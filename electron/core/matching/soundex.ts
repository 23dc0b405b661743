const CODES: Readonly<Record<string, string>> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3',
  l: '4',
  m: '5', n: '5',
  r: '6',
};

/**
 * American Soundex: first letter plus three digits. Used only as a blocking key (names that sound
 * alike land in one block), never as evidence on its own.
 *
 * @example soundex('Robert') // 'R163', same as soundex('Rupert')
 */
export function soundex(name: string): string {
  const letters = name.toLowerCase().replace(/[^a-z]/g, '');
  const first = letters[0];
  if (first === undefined) return '';
  let code = first.toUpperCase();
  let previous = CODES[first] ?? '';
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const letter = letters[i]!;
    const digit = CODES[letter];
    if (digit !== undefined) {
      if (digit !== previous) code += digit;
      previous = digit;
    } else if (letter !== 'h' && letter !== 'w') {
      // A vowel separates two equal codes; h and w do not.
      previous = '';
    }
  }
  return code.padEnd(4, '0');
}
