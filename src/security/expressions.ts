// The expressions of a workflow or action file: every `${{ … }}` in a value, and the context
// references (`github.event.issue.title`, `inputs.x`) inside one, for the injection rule.

const BOOLEAN_FUNCTIONS = new Set(['contains', 'startswith', 'endswith']);

export interface Expression {
  /** The whole `${{ … }}` text. */
  text: string;
  /** What is between the braces. */
  body: string;
  /** Offset of `body` inside `text`. */
  bodyStart: number;
}

/** Finds `${{ … }}` expressions; a `}}` inside a string literal does not end an expression. */
export function findExpressions(s: string): Expression[] {
  const out: Expression[] = [];
  let i = s.indexOf('${{');
  while (i >= 0) {
    let j = i + 3;
    let inString = false;
    let end = -1;
    while (j < s.length) {
      const c = s[j];
      if (inString) {
        if (c === "'") {
          if (s[j + 1] === "'") j++;
          else inString = false;
        }
      } else if (c === "'") {
        inString = true;
      } else if (c === '}' && s[j + 1] === '}') {
        end = j;
        break;
      }
      j++;
    }
    if (end < 0) break;
    out.push({ text: s.slice(i, end + 2), body: s.slice(i + 3, end), bodyStart: 3 });
    i = s.indexOf('${{', end + 2);
  }
  return out;
}

export interface Reference {
  /** Lower-cased path segments; `*` for `.*`, `[*]`, numeric or computed indexes. */
  segments: string[];
  /** Offset of the reference in the expression body. */
  start: number;
}

const IDENT_RE = /[A-Za-z_][\w-]*/y;
const WS_RE = /\s*/y;

/**
 * Extracts property-access chains (`github.event['issue'].title`, `inputs.x`, `github.event.commits[0].message`)
 * from an expression body, skipping string literals and chains that are (transitively) arguments of
 * `contains`/`startsWith`/`endsWith`.
 */
export function findReferences(body: string): Reference[] {
  return new ReferenceScanner(body).scan();
}

/** A cursor over one expression body. */
class ReferenceScanner {
  private i = 0;
  private readonly refs: Reference[] = [];
  /** Per open parenthesis: is it a boolean-returning function call? */
  private readonly callStack: boolean[] = [];

  constructor(private readonly body: string) {}

  scan(): Reference[] {
    const body = this.body;
    while (this.i < body.length) {
      const i = this.i;
      const c = body[i] ?? '';
      if (c === "'" || c === '"') this.readString();
      else if (c === '(') {
        this.callStack.push(false);
        this.i++;
      } else if (c === ')') {
        this.callStack.pop();
        this.i++;
      } else if (!/[A-Za-z_]/.test(c) || (i > 0 && /[\w.-]/.test(body[i - 1] ?? ''))) this.i++;
      else this.nameOrCall();
    }
    return this.refs;
  }

  /** At a name: a function call opens a parenthesis, anything else starts a reference. */
  private nameOrCall(): void {
    const start = this.i;
    const name = this.readIdent() ?? '';
    const afterName = this.i;
    this.skipWs();
    if (this.body[this.i] === '(') {
      this.callStack.push(BOOLEAN_FUNCTIONS.has(name.toLowerCase()));
      this.i++;
      return;
    }
    this.i = afterName;
    const segments = [name.toLowerCase()];
    while (this.segment(segments));
    if (!this.callStack.includes(true)) this.refs.push({ segments, start });
  }

  /** Reads `.name`, `.*`, `['key']` or `[…]` onto `segments`; false (and nothing read) at the chain's end. */
  private segment(segments: string[]): boolean {
    const body = this.body;
    const save = this.i;
    this.skipWs();
    if (body[this.i] === '.') {
      this.i++;
      this.skipWs();
      if (body[this.i] === '*') {
        segments.push('*');
        this.i++;
        return true;
      }
      const prop = this.readIdent();
      if (prop) {
        segments.push(prop.toLowerCase());
        return true;
      }
    } else if (body[this.i] === '[') {
      const open = this.i;
      this.i++;
      this.skipWs();
      const q = body[this.i];
      if (q === "'" || q === '"') {
        const key = this.readString();
        this.skipWs();
        if (body[this.i] === ']') {
          segments.push(key.toLowerCase());
          this.i++;
          return true;
        }
      }
      this.i = open;
      this.skipBracket();
      segments.push('*');
      return true;
    }
    this.i = save;
    return false;
  }

  private skipWs(): void {
    WS_RE.lastIndex = this.i;
    WS_RE.exec(this.body);
    this.i = WS_RE.lastIndex;
  }

  private readIdent(): string | undefined {
    IDENT_RE.lastIndex = this.i;
    const m = IDENT_RE.exec(this.body);
    if (!m) return undefined;
    this.i = IDENT_RE.lastIndex;
    return m[0];
  }

  /** At an opening quote (' or "): the string's text, the cursor after its closing quote. */
  private readString(): string {
    const body = this.body;
    const q = body[this.i];
    let s = '';
    this.i++;
    while (this.i < body.length) {
      if (body[this.i] === q) {
        if (q === "'" && body[this.i + 1] === "'") {
          s += "'";
          this.i += 2;
          continue;
        }
        this.i++;
        break;
      }
      s += body[this.i];
      this.i++;
    }
    return s;
  }

  /** At '[': the cursor after the matching ']'. */
  private skipBracket(): void {
    const body = this.body;
    let depth = 0;
    while (this.i < body.length) {
      const c = body[this.i];
      if (c === "'" || c === '"') {
        this.readString();
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']') {
        depth--;
        if (depth === 0) {
          this.i++;
          return;
        }
      }
      this.i++;
    }
  }
}
