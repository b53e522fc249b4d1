// The 27 characters Windows-1252 adds in 0x80–0x9F; with Latin-1 they are what the PDF standard fonts can show.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Makes text printable in the PDF standard fonts (WinAnsi): accents are kept where the font has
 * them, other letters lose their accents (NFKD), and anything else becomes "?" rather than a
 * wrong glyph. Control characters become spaces so a stray tab or newline can't break a layout.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0 && !WIN_ANSI_EXTRAS.has(char))) {
      out += ' ';
    } else if (code < 0x100 || WIN_ANSI_EXTRAS.has(char)) {
      out += char;
    } else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every((c) => c.codePointAt(0)! < 0x100) && base !== '' ? base : '?';
    }
  }
  return out;
}
