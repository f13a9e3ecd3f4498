import iconv from "iconv-lite";

// A UTF-8 sequence read as single bytes: a lead byte, then continuation bytes of which at least
// one fell in the C1 range (U+0080–U+009F), which no real text contains.
const UTF8_AS_BYTES = /[\u00c2-\u00f4](?=[\u0080-\u00bf]*[\u0080-\u009f])[\u0080-\u00bf]{1,3}/g;
// References to U+0080–U+00FF: the characters they name, whatever their spelling.
const HIGH_BYTE_REFERENCE = /&#(?:(1[2-9]\d|2[0-4]\d|25[0-5])|[xX]([89a-fA-F][0-9a-fA-F]));/g;

/**
 * C1 control characters, which no text means, read as what their author meant: UTF-8 written byte
 * by byte (`&#226;&#128;&#166;` for "…") decoded as UTF-8, the rest as windows-1252 punctuation
 * (`&#146;` for "’"), as browsers read them. Works on HTML before its references are decoded.
 */
export function repairC1Controls(text: string): string {
  if (!/[\u0080-\u009f]|&#(?:1[2-5]\d|[xX][89][0-9a-fA-F]);/.test(text)) return text;
  return text
    .replace(HIGH_BYTE_REFERENCE, (_reference, decimal?: string, hex?: string) =>
      String.fromCharCode(decimal ? Number(decimal) : Number.parseInt(hex ?? "", 16)),
    )
    .replace(UTF8_AS_BYTES, (sequence) => {
      const decoded = new TextDecoder("utf-8").decode(Buffer.from(sequence, "latin1"));
      return decoded.includes("\uFFFD") ? sequence : decoded;
    })
    .replace(/[\u0080-\u009f]+/g, (run) =>
      iconv.decode(Buffer.from(run, "latin1"), "windows-1252"),
    );
}
