// The characters, names and references of the XML that xml-scan.ts reads itself, and how it gives
// up on the rest (UNSUPPORTED: the report is read again with saxes).

/** Thrown (not an Error: no stack to capture) when the report needs saxes. */
export const UNSUPPORTED = { unsupported: true } as const;

/** Attribute objects: own properties only, like saxes' Object.create(null), but in V8's fast mode. */
function Attributes(this: Record<string, string>) {}
Attributes.prototype = Object.create(null);
export const newAttributes = Attributes as unknown as new () => Record<string, string>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Name characters saxes accepts, restricted to ASCII (a name with any other is left to saxes).
export const NAME = new Uint8Array(256);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME[c] = 1;
  else if (/[0-9.-]/.test(ch)) NAME[c] = 2;
}
export const XML_DECL =
  /^<\?xml {1,4}version=(?:"1\.0"|'1\.0')(?: {1,4}encoding=(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?: {1,4}standalone=(?:"(?:yes|no)"|'(?:yes|no)'))? {0,4}\?>/;

export function fail(): never {
  throw UNSUPPORTED;
}

/** Whether code point `n` is an XML 1.0 character (what a character reference must name). */
export function isChar(n: number): boolean {
  return (
    n === 9 ||
    n === 10 ||
    n === 13 ||
    (n >= 0x20 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0xfffd) ||
    (n >= 0x10000 && n <= 0x10ffff)
  );
}

/** UTF-8 text with no U+FFFD (a byte that is not UTF-8), U+FFFE or U+FFFF in it, else UNSUPPORTED. */
export function utf8(b: Buffer, s: number, e: number): string {
  const t = b.toString('utf8', s, e);
  for (let k = 0; k < t.length; k++) if (t.charCodeAt(k) >= 0xfffd) fail();
  return t;
}

/** Bytes a plain attribute value is made of: printable ASCII but for quotes, `<` and `&`. */
export const PLAIN = new Uint8Array(256);
for (let c = 0x20; c < 0x80; c++) PLAIN[c] = c === 34 || c === 39 || c === 60 || c === 38 ? 0 : 1;

export /** The text of `&ref;` in an attribute value: a predefined entity or a character reference. */
function reference(ref: string): string {
  const named = ENTITIES[ref];
  if (named !== undefined && Object.hasOwn(ENTITIES, ref)) return named;
  let n = Number.NaN;
  if (/^#x[0-9a-fA-F]{1,6}$/.test(ref)) n = Number.parseInt(ref.slice(2), 16);
  else if (/^#[0-9]{1,7}$/.test(ref)) n = Number.parseInt(ref.slice(1), 10);
  if (!isChar(n)) fail();
  return String.fromCodePoint(n);
}
