import { YamlOffsets } from './yaml-offsets.js';
import { resolvePlain } from './yaml-plain.js';
import {
  fallback,
  HASH,
  isBlankOrEnd,
  isDocumentMarker,
  NL,
  readBlockScalar,
  readQuoted,
  type ScanEnd,
  ScanFallback,
  SPACE,
  TAB,
} from './yaml-scan-scalars.js';

const DASH = 45;
const COLON = 58;
const COMMA = 44;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;

/**
 * Characters the scanner takes no text with: other line breaks (a CR but in CRLF, NEL, LS, PS), controls
 * YAML forbids, a BOM past the start, non-characters; and lone surrogates, looked for only in a
 * text with surrogates (the look-arounds cost more than the scan). js-yaml and the `yaml`
 * package each have their say on those.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
const UNTAKEN_CHARACTERS = /[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Longest plain key taken; YAML limits implicit keys to 1024 characters. */
const LONGEST_KEY = 1000;

/**
 * Reads the block-style YAML that OpenAPI specs are written in, straight from the text's
 * character codes, into the same values and the same offsets as js-yaml's events with the
 * builder (yaml-events.ts) give, in about half the time cold (bench/profile.md, "YAML scanner").
 *
 * It takes block mappings and lists (lists indented or not under their key, compact mappings
 * in list items), plain scalars over one or several lines, single- and double-quoted scalars,
 * literal and folded block scalars with chomping indicators, flow lists and mappings (over
 * several lines too), comments, a BOM, a leading `---`, LF or CRLF line breaks. Anything else
 * (anchors, aliases, tags, `? ` keys, directives, several documents, a CR alone, tabs where
 * they separate, duplicate keys, and every error) returns `undefined`, and the caller falls
 * back to today's readers: strict about what it takes, so the fallback decides everything it
 * is unsure of.
 */
export function readYamlBlock(text: string): { value: unknown; offsets: YamlOffsets } | undefined {
  const read = scan(text);
  return typeof read === 'string' ? undefined : read;
}

/** Why the scanner leaves `text` to the fallback ('' if it does not), for the tests and bench/yaml-scan-corpus.ts. */
export function yamlScanRefusal(text: string): string {
  const read = scan(text);
  return typeof read === 'string' ? read : '';
}

function scan(text: string): { value: unknown; offsets: YamlOffsets } | string {
  if (!text.includes('\r')) return scanLF(text);
  // CRLF line breaks (a Windows editor's): js-yaml reads each as one line break, so the values
  // are those of the text with LF breaks, and the offsets are in it, moved past the CRs before them.
  if (/\r(?!\n)/.test(text)) return 'a CR not before an LF';
  const lf = text.replaceAll('\r\n', '\n');
  const read = scanLF(lf);
  if (typeof read === 'string') return read;
  read.offsets.moveOffsets(pastRemovedCRs(lf, text));
  return read;
}

/**
 * An offset of `lf` (`text` with CRLF breaks made LF) moved to `text`: past the CRs removed
 * before it. An offset just after a colon at a line's end stays before the CR, as js-yaml has it.
 */
function pastRemovedCRs(lf: string, text: string): (offset: number) => number {
  const breaks: number[] = []; // the LF breaks of `lf` that were CRLF in `text`
  for (let p = lf.indexOf('\n'), removed = 0; p !== -1; p = lf.indexOf('\n', p + 1))
    if (text.charCodeAt(p + removed) === 13) {
      breaks.push(p);
      removed++;
    }
  return (offset) => {
    // How many of those breaks are before `offset`: a binary search.
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((breaks[middle] as number) < offset) low = middle + 1;
      else high = middle;
    }
    return offset + low;
  };
}

function scanLF(text: string): { value: unknown; offsets: YamlOffsets } | string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = start === 0 ? text : text.slice(start);
  if (UNTAKEN_CHARACTERS.test(body) || (SURROGATE.test(body) && LONE_SURROGATE.test(body)))
    return 'a character other than text or LF';
  try {
    const offsets = new YamlOffsets();
    const value = new BlockScanner(text, offsets).document(start);
    return { value, offsets };
  } catch (error) {
    // ScanFallback, or anything unforeseen: the readers behind decide.
    return error instanceof ScanFallback ? error.message : `unforeseen: ${String(error)}`;
  }
}

class BlockScanner {
  readonly #text: string;
  readonly #offsets: YamlOffsets;
  readonly #at: ScanEnd = { end: 0 };
  /** The first character of the current content line (or the text's length at its end). */
  #pos = 0;
  /** The current content line's indentation; -1 at the end of the text. */
  #indent = -1;
  /** Where the node just read starts, as the `yaml` package counts it; -1 for an empty node. */
  #start = -1;

  constructor(text: string, offsets: YamlOffsets) {
    this.#text = text;
    this.#offsets = offsets;
  }

  document(start: number): unknown {
    this.#toContent(start, true);
    if (this.#indent === 0 && this.#text.startsWith('---', this.#pos)) {
      // A leading `---` alone on its line (with a comment at most) starts the one document.
      const after = this.#pos + 3;
      const c = this.#text.charCodeAt(after);
      if (!isBlankOrEnd(c)) fallback('document marker');
      this.#endLine(after);
    }
    if (this.#indent === -1) fallback('no content');
    const value = this.#atListItem() ? this.#list(this.#indent, false) : this.#mapping(this.#indent);
    if (this.#indent !== -1) fallback('content after the root collection');
    return value;
  }

  /**
   * Moves to the next line with content from `lineStart`, a line's start: skips empty and
   * comment lines, sets `#pos` and `#indent`. `first`: the document's start, where `---` may stand.
   */
  #toContent(lineStart: number, first = false): void {
    const text = this.#text;
    let p = lineStart;
    for (;;) {
      let column = 0;
      while (text.charCodeAt(p + column) === SPACE) column++;
      const c = text.charCodeAt(p + column);
      if (Number.isNaN(c)) {
        this.#pos = text.length;
        this.#indent = -1;
        return;
      }
      if (c === NL) {
        p += column + 1;
        continue;
      }
      if (c === HASH) {
        const end = text.indexOf('\n', p + column);
        if (end === -1) {
          this.#pos = text.length;
          this.#indent = -1;
          return;
        }
        p = end + 1;
        continue;
      }
      if (c === TAB) fallback('tab in indentation');
      if (column === 0 && isDocumentMarker(text, p) && !(first && text.startsWith('---', p)))
        fallback('document marker');
      if (column === 0 && c === 37) fallback('directive'); // '%'
      this.#pos = p + column;
      this.#indent = column;
      return;
    }
  }

  /** After a node on its line, at `p`: spaces, an optional comment, the line break; then the next content line. */
  #endLine(p: number): void {
    const text = this.#text;
    const spaces = p;
    while (text.charCodeAt(p) === SPACE) p++;
    const c = text.charCodeAt(p);
    if (c === HASH && (p > spaces || text.charCodeAt(p - 1) === SPACE)) {
      const end = text.indexOf('\n', p);
      p = end === -1 ? text.length : end;
    } else if (c !== NL && !Number.isNaN(c)) fallback('more after a node on its line');
    this.#toContent(p + 1);
  }

  /** Whether the current position is a list item's `-`. */
  #atListItem(): boolean {
    return this.#text.charCodeAt(this.#pos) === DASH && isBlankOrEnd(this.#text.charCodeAt(this.#pos + 1));
  }

  /** A block mapping whose first key is the current position, at column `indent`. */
  #mapping(indent: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    const start = this.#pos;
    const id = this.#offsets.open(object, start);
    for (;;) {
      const keyStart = this.#pos;
      const colon = this.#keyColon(keyStart);
      if (colon === -1) fallback('not a key');
      const key = this.#key(keyStart, colon);
      if (Object.hasOwn(object, key)) fallback('duplicate key');
      const value = this.#valueAfterColon(colon + 1, indent, true);
      const valueStart = this.#start === -1 ? colon + 1 : this.#start;
      // defineProperty: a "__proto__" key stays a plain key, never a prototype.
      if (key === '__proto__')
        Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      else object[key] = value;
      this.#offsets.entry(id, key, keyStart, valueStart);
      if (this.#indent < indent) break;
      if (this.#indent > indent) fallback('line indented deeper than its mapping');
    }
    this.#start = start;
    return object;
  }

  /**
   * A block list whose first `-` is the current position, at column `indent`. `underKey`: the
   * list sits at its key's own column, so a line there that is not an item ends it.
   */
  #list(indent: number, underKey: boolean): unknown[] {
    const items: unknown[] = [];
    const start = this.#pos;
    const id = this.#offsets.open(items, start);
    for (;;) {
      const item = this.#listItem(indent);
      const offset = this.#start === -1 ? start : this.#start;
      items.push(item);
      this.#offsets.entry(id, '', offset, offset);
      if (this.#indent < indent) break;
      if (this.#indent > indent) fallback('line indented deeper than its list');
      if (!this.#atListItem()) {
        if (underKey) break;
        fallback('not a list item');
      }
    }
    this.#start = start;
    return items;
  }

  /** One list item, the current position its `-` at column `indent`. */
  #listItem(indent: number): unknown {
    const text = this.#text;
    let p = this.#pos + 1;
    while (text.charCodeAt(p) === SPACE) p++;
    const c = text.charCodeAt(p);
    if (c === NL || c === HASH || Number.isNaN(c)) return this.#nodeBelow(p, indent, false);
    if (c === TAB) fallback('tab after a list item’s dash');
    if (c === DASH && isBlankOrEnd(text.charCodeAt(p + 1))) fallback('list in a list item’s line');
    if (this.#keyColon(p) !== -1) {
      // A mapping that starts on the item's line, its keys at this column.
      this.#pos = p;
      this.#indent = this.#columnOf(p);
      return this.#mapping(this.#indent);
    }
    return this.#nodeOnLine(p, indent);
  }

  /** The column of `p`: lines are indented by spaces only, so its distance from its line's start. */
  #columnOf(p: number): number {
    return p - (this.#text.lastIndexOf('\n', p - 1) + 1);
  }

  /**
   * The value after a key's colon at `p`: on the same line, on the lines below indented deeper
   * than `indent`, a list at the key's column (`mappingValue`), or empty.
   */
  #valueAfterColon(p: number, indent: number, mappingValue: boolean): unknown {
    const text = this.#text;
    while (text.charCodeAt(p) === SPACE) p++;
    const c = text.charCodeAt(p);
    if (c === NL || c === HASH || Number.isNaN(c)) return this.#nodeBelow(p, indent, mappingValue);
    if (c === TAB) fallback('tab after a colon');
    return this.#nodeOnLine(p, indent);
  }

  /** The node on the lines after `p` (the end of a line, or a comment on it), if they are indented deeper than `indent`. */
  #nodeBelow(p: number, indent: number, mappingValue: boolean): unknown {
    this.#endLine(p);
    const column = this.#indent;
    if (column > indent) {
      if (this.#atListItem()) return this.#list(column, false);
      if (this.#keyColon(this.#pos) !== -1) return this.#mapping(column);
      const c = this.#text.charCodeAt(this.#pos);
      if (c === 124 || c === 62) fallback('block scalar on its own line'); // '|', '>'
      return this.#nodeOnLine(this.#pos, indent);
    }
    if (mappingValue && column === indent && this.#atListItem()) return this.#list(column, true);
    this.#start = -1;
    return null;
  }

  /** A scalar or flow collection that starts at `p`, in a node indented by `indent`. */
  #nodeOnLine(p: number, indent: number): unknown {
    const text = this.#text;
    const c = text.charCodeAt(p);
    this.#start = p;
    switch (c) {
      case 124: // '|'
      case 62: {
        // '>'
        const value = readBlockScalar(text, p, indent, this.#at);
        this.#toContent(this.#at.end);
        return value;
      }
      case 34: // '"'
      case 39: {
        // "'"
        const value = readQuoted(text, p, indent, false, this.#at);
        this.#endLine(this.#at.end);
        return value;
      }
      case OPEN_LIST:
      case OPEN_MAP: {
        const value = this.#flow(p, indent);
        this.#start = p;
        this.#endLine(this.#at.end);
        return value;
      }
      default:
        return this.#plain(p, indent);
    }
  }

  /**
   * Where the colon of a key starting at `p` is, if the line has a key there (a plain key, or a
   * quoted one on one line, then `: ` or `:` at the line's end); -1 if not.
   */
  #keyColon(p: number): number {
    const text = this.#text;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const quote = c;
      let q = p + 1;
      for (;;) {
        const d = text.charCodeAt(q);
        if (d === NL || Number.isNaN(d)) return -1;
        if (d === 92 && quote === 34) q += 2;
        else if (d === quote && quote === 39 && text.charCodeAt(q + 1) === 39) q += 2;
        else if (d === quote) break;
        else q++;
      }
      return text.charCodeAt(q + 1) === COLON && isBlankOrEnd(text.charCodeAt(q + 2)) ? q + 1 : -1;
    }
    if (!startsPlain(text, p)) return -1;
    for (let q = p + 1; ; q++) {
      const d = text.charCodeAt(q);
      if (d === NL || Number.isNaN(d)) return -1;
      if (d === COLON && isBlankOrEnd(text.charCodeAt(q + 1))) return q;
      if (d === HASH && text.charCodeAt(q - 1) === SPACE) return -1;
      if (d === TAB) fallback('tab in a key’s line');
    }
  }

  /** The key from `start` to its colon at `colon`. */
  #key(start: number, colon: number): string {
    const text = this.#text;
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39) return readQuoted(text, start, -1, true, this.#at);
    if (text.charCodeAt(colon - 1) === SPACE) fallback('space before a colon');
    if (colon - start > LONGEST_KEY) fallback('long key');
    return String(resolvePlain(text.slice(start, colon)));
  }

  /**
   * A plain scalar at `p`, on its line and the lines after it indented deeper than `indent`
   * (folded: a line break is a space, each empty line a `\n`) up to a comment. A `: ` in a later
   * line, or a line there starting like a list item, is left to the fallback.
   */
  #plain(p: number, indent: number): unknown {
    const text = this.#text;
    if (!startsPlain(text, p)) fallback('not a plain scalar');
    let value = text.slice(p, this.#plainLineEnd(p));
    // A comment ends the scalar; else later lines indented deeper than `indent` go on it.
    let stop = this.#at.end;
    let empty = 0;
    while (text.charCodeAt(stop) === NL) {
      let lineStart = stop + 1;
      let column = 0;
      while (text.charCodeAt(lineStart + column) === SPACE) column++;
      const c = text.charCodeAt(lineStart + column);
      if (c === NL) {
        empty++;
        stop = lineStart + column;
        continue;
      }
      if (Number.isNaN(c) || c === HASH || column <= indent) break;
      if (c === TAB) fallback('tab at a plain scalar’s line start');
      lineStart += column;
      if (c === DASH && isBlankOrEnd(text.charCodeAt(lineStart + 1))) fallback('list item in a plain scalar');
      const end = this.#plainLineEnd(lineStart);
      stop = this.#at.end; // a comment's `#` ends the scalar: the loop stops there
      value += (empty === 0 ? ' ' : '\n'.repeat(empty)) + text.slice(lineStart, end);
      empty = 0;
    }
    this.#start = p;
    this.#endLine(this.#at.end);
    return resolvePlain(value);
  }

  /**
   * The end of a plain scalar's text on the line from `p`, before trailing spaces; `#at.end` is
   * where the line's scalar stops: its line break, the text's end or a comment's `#`. A `: ` or
   * a colon ending the line (a key where none may be) falls back.
   */
  #plainLineEnd(p: number): number {
    const text = this.#text;
    let last = p;
    let q = p;
    for (; ; q++) {
      const c = text.charCodeAt(q);
      if (c === NL || Number.isNaN(c)) break;
      if (c === TAB) fallback('tab in a plain scalar');
      if (c === HASH && text.charCodeAt(q - 1) === SPACE) break;
      if (c === COLON && isBlankOrEnd(text.charCodeAt(q + 1))) fallback('colon in a plain scalar');
      if (c !== SPACE) last = q + 1;
    }
    this.#at.end = q;
    return last;
  }

  /**
   * A flow list or mapping from its bracket at `p`, in a block node indented by `indent`: its
   * later lines must be indented deeper. `#at.end` is after its closing bracket.
   */
  #flow(p: number, indent: number): unknown {
    const text = this.#text;
    const list = text.charCodeAt(p) === OPEN_LIST;
    const close = list ? CLOSE_LIST : CLOSE_MAP;
    const container: unknown[] | Record<string, unknown> = list ? [] : {};
    const id = this.#offsets.open(container, p);
    p = this.#flowSpace(p + 1, indent);
    while (text.charCodeAt(p) !== close) {
      if (list) {
        const item = this.#flowNode(p, indent, false);
        (container as unknown[]).push(item);
        this.#offsets.entry(id, '', p, p);
      } else {
        const keyStart = p;
        const key = this.#flowKey(p);
        if (Object.hasOwn(container, key)) fallback('duplicate key');
        const valueStart = this.#flowSpace(this.#at.end + 1, indent);
        const value = this.#flowNode(valueStart, indent, true);
        if (key === '__proto__')
          Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
        else (container as Record<string, unknown>)[key] = value;
        this.#offsets.entry(id, key, keyStart, valueStart);
      }
      p = this.#flowSpace(this.#at.end, indent);
      const c = text.charCodeAt(p);
      if (c === COMMA)
        p = this.#flowSpace(p + 1, indent); // a trailing comma too
      else if (c !== close) fallback('flow collection');
    }
    this.#at.end = p + 1;
    return container;
  }

  /**
   * Past spaces, line breaks and comments in a flow collection from `p`; a line with content
   * must be indented deeper than `indent`, by spaces.
   */
  #flowSpace(p: number, indent: number): number {
    const text = this.#text;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === SPACE) p++;
      else if (c === HASH && isSpaceBefore(text, p)) {
        p = text.indexOf('\n', p);
        if (p === -1) fallback('text ends in a flow collection');
      } else if (c === NL) {
        p++;
        let column = 0;
        while (text.charCodeAt(p + column) === SPACE) column++;
        const next = text.charCodeAt(p + column);
        if (next === TAB) fallback('tab in a flow collection’s indentation');
        if (next !== NL && next !== HASH && column <= indent) fallback('flow collection’s line not indented');
        p += column;
      } else return p;
    }
  }

  /** A flow mapping's key at `p`, on one line; `#at.end` is its colon, which a space or a line break follows. */
  #flowKey(p: number): string {
    const text = this.#text;
    const c = text.charCodeAt(p);
    const key =
      c === 34 || c === 39 ? readQuoted(text, p, -1, true, this.#at) : String(resolvePlain(this.#flowPlain(p)));
    const colon = this.#at.end;
    const after = text.charCodeAt(colon + 1);
    if (text.charCodeAt(colon) !== COLON || (after !== SPACE && after !== NL)) fallback('flow key');
    return key;
  }

  /** An item or value in a flow collection at `p`; `#at.end` is after it. `inMapping`: a value. */
  #flowNode(p: number, indent: number, inMapping: boolean): unknown {
    const text = this.#text;
    const c = text.charCodeAt(p);
    if (c === OPEN_LIST || c === OPEN_MAP) return this.#flow(p, indent);
    if (c === 34 || c === 39) return readQuoted(text, p, indent, false, this.#at);
    const source = this.#flowPlain(p);
    if (text.charCodeAt(this.#at.end) === COLON) fallback(inMapping ? 'colon in a flow value' : 'pair in a flow list');
    return resolvePlain(source);
  }

  /**
   * A plain scalar in a flow collection at `p`, on one line, up to `,`, a closing bracket, `: `
   * or a comment; `#at.end` after its last non-space. What follows is the collection's to check.
   */
  #flowPlain(p: number): string {
    const text = this.#text;
    if (!startsPlain(text, p)) fallback('not a plain scalar in a flow collection');
    let last = p;
    for (let q = p; ; q++) {
      const c = text.charCodeAt(q);
      if (c === COMMA || c === CLOSE_LIST || c === CLOSE_MAP || c === NL) break;
      // A colon is the scalar's (as in a URL) unless a space, a line break or a flow indicator follows it.
      if (c === COLON && (isBlankOrEnd(text.charCodeAt(q + 1)) || isFlowIndicator(text.charCodeAt(q + 1)))) break;
      if (c === HASH && isSpaceBefore(text, q)) break;
      if (Number.isNaN(c) || c === TAB || c === OPEN_LIST || c === OPEN_MAP) fallback('flow plain scalar');
      if (c !== SPACE) last = q + 1;
    }
    this.#at.end = last;
    return text.slice(p, last);
  }
}

/** Whether a space or a line break is just before `p` (so a `#` there starts a comment). */
function isSpaceBefore(text: string, p: number): boolean {
  const c = text.charCodeAt(p - 1);
  return c === SPACE || c === NL;
}

/**
 * Whether a plain scalar may start at `p`: not with an indicator (YAML 1.2, 7.3.3), nor with
 * `-`, `?` or `:` before a space. Only the fallback takes anchors, aliases, tags and the like.
 */
function startsPlain(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  switch (c) {
    case DASH:
    case 63: // '?'
    case COLON:
      return !isBlankOrEnd(text.charCodeAt(p + 1)) && text.charCodeAt(p + 1) !== TAB && c === DASH;
    case COMMA:
    case OPEN_LIST:
    case CLOSE_LIST:
    case OPEN_MAP:
    case CLOSE_MAP:
    case HASH:
    case 38: // '&'
    case 42: // '*'
    case 33: // '!'
    case 124: // '|'
    case 62: // '>'
    case 39: // "'"
    case 34: // '"'
    case 37: // '%'
    case 64: // '@'
    case 96: // '`'
    case SPACE:
    case TAB:
    case NL:
      return false;
    default:
      return !Number.isNaN(c);
  }
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_LIST || c === CLOSE_LIST || c === OPEN_MAP || c === CLOSE_MAP;
}
