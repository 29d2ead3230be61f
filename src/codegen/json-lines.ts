import { unescapePointer } from './load.js';

/**
 * The 1-based line where the value at `pointer` starts in JSON `text` (or its nearest existing
 * parent). A small scanner that skips what it does not need: used only to report errors.
 */
export function lineOfJsonPointer(text: string, pointer: string): number | undefined {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  let pos = skipWs(text, 0);
  for (const seg of segments) {
    const next = findChild(text, pos, seg);
    if (next === undefined) break;
    pos = next;
  }
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function skipWs(text: string, pos: number): number {
  while (pos < text.length && ' \t\r\n'.includes(text[pos] as string)) pos++;
  return pos;
}

function skipString(text: string, pos: number): number {
  let i = pos + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return i;
}

function skipValue(text: string, pos: number): number {
  const c = text[pos];
  if (c === '"') return skipString(text, pos);
  if (c === '{' || c === '[') {
    let depth = 0;
    let i = pos;
    while (i < text.length) {
      const d = text[i];
      if (d === '"') {
        i = skipString(text, i);
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  let i = pos;
  while (i < text.length && !',}] \t\r\n'.includes(text[i] as string)) i++;
  return i;
}

function findChild(text: string, pos: number, seg: string): number | undefined {
  const open = text[pos];
  if (open === '{') {
    let i = skipWs(text, pos + 1);
    while (i < text.length && text[i] === '"') {
      const end = skipString(text, i);
      const key = JSON.parse(text.slice(i, end)) as string;
      i = skipWs(text, end);
      i = skipWs(text, i + 1); // the colon
      if (key === seg) return i;
      i = skipWs(text, skipValue(text, i));
      if (text[i] === ',') i = skipWs(text, i + 1);
    }
    return undefined;
  }
  if (open === '[') {
    const want = Number(seg);
    let i = skipWs(text, pos + 1);
    for (let n = 0; i < text.length && text[i] !== ']'; n++) {
      if (n === want) return i;
      i = skipWs(text, skipValue(text, i));
      if (text[i] === ',') i = skipWs(text, i + 1);
    }
  }
  return undefined;
}
