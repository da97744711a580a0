/**
 * A small strict XML parser for TwiML. No XML parser ships in node_modules (twilio only brings xmlbuilder,
 * which writes XML), and TwiML needs just elements, attributes, text, comments, CDATA and entities.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlParseError extends Error {}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = ENTITIES[body];
    if (named === undefined) throw new XmlParseError(`unknown entity ${match}`);
    return named;
  });
}

class Cursor {
  pos = 0;
  constructor(readonly src: string) {}

  startsWith(token: string): boolean {
    return this.src.startsWith(token, this.pos);
  }

  skipWhitespace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos] ?? '')) this.pos += 1;
  }

  skipPast(token: string): string {
    const end = this.src.indexOf(token, this.pos);
    if (end < 0) throw new XmlParseError(`expected ${token}`);
    const skipped = this.src.slice(this.pos, end);
    this.pos = end + token.length;
    return skipped;
  }

  name(): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.src);
    if (!match) throw new XmlParseError(`expected a name at ${this.pos}`);
    this.pos += match[0].length;
    return match[0];
  }

  expect(token: string): void {
    if (!this.startsWith(token)) throw new XmlParseError(`expected ${token} at ${this.pos}`);
    this.pos += token.length;
  }
}

function skipMisc(cursor: Cursor): void {
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.startsWith('<?')) cursor.skipPast('?>');
    else if (cursor.startsWith('<!--')) cursor.skipPast('-->');
    else if (cursor.startsWith('<!DOCTYPE')) cursor.skipPast('>');
    else return;
  }
}

function parseAttributes(cursor: Cursor): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.startsWith('/>') || cursor.startsWith('>')) return attributes;
    const name = cursor.name();
    cursor.skipWhitespace();
    cursor.expect('=');
    cursor.skipWhitespace();
    const quote = cursor.src[cursor.pos];
    if (quote !== '"' && quote !== "'") throw new XmlParseError(`attribute ${name} needs a quoted value`);
    cursor.pos += 1;
    const raw = cursor.skipPast(quote);
    if (raw.includes('<')) throw new XmlParseError(`'<' in attribute ${name}`);
    if (name in attributes) throw new XmlParseError(`duplicate attribute ${name}`);
    attributes[name] = decodeEntities(raw);
  }
}

function parseElement(cursor: Cursor, depth: number): XmlElement {
  if (depth > 64) throw new XmlParseError('nesting too deep');
  cursor.expect('<');
  const element: XmlElement = { name: cursor.name(), attributes: parseAttributes(cursor), children: [], text: '' };
  if (cursor.startsWith('/>')) {
    cursor.pos += 2;
    return element;
  }
  cursor.expect('>');
  for (;;) {
    if (cursor.pos >= cursor.src.length) throw new XmlParseError(`unclosed <${element.name}>`);
    if (cursor.startsWith('</')) {
      cursor.pos += 2;
      const closing = cursor.name();
      if (closing !== element.name) throw new XmlParseError(`</${closing}> closes <${element.name}>`);
      cursor.skipWhitespace();
      cursor.expect('>');
      return element;
    }
    if (cursor.startsWith('<!--')) cursor.skipPast('-->');
    else if (cursor.startsWith('<![CDATA[')) {
      cursor.pos += 9;
      element.text += cursor.skipPast(']]>');
    } else if (cursor.startsWith('<')) element.children.push(parseElement(cursor, depth + 1));
    else {
      const next = cursor.src.indexOf('<', cursor.pos);
      const end = next < 0 ? cursor.src.length : next;
      element.text += decodeEntities(cursor.src.slice(cursor.pos, end));
      cursor.pos = end;
    }
  }
}

export function parseXml(source: string): XmlElement {
  const cursor = new Cursor(source.replace(/^\uFEFF/, ''));
  skipMisc(cursor);
  if (!cursor.startsWith('<')) throw new XmlParseError('document has no root element');
  const root = parseElement(cursor, 0);
  skipMisc(cursor);
  if (cursor.pos !== cursor.src.length) throw new XmlParseError('content after the root element');
  return root;
}
