/*
 * Just enough SOQL for the fake org: SELECT <fields, parent.Field paths> FROM <object>
 * [WHERE <condition> [AND <condition>]…] [ORDER BY <field>] [LIMIT n], where a condition is
 * `field = literal`, `field != literal` (literal: 'text', true, false, null) or
 * `field IN (SELECT field FROM object [WHERE …])`. Anything else is rejected as MALFORMED_QUERY,
 * so a test notices when the CLI starts sending SOQL the fake does not understand.
 */
export type Literal = string | boolean | null;

export type Condition =
  | { kind: 'compare'; field: string; operator: '=' | '!='; value: Literal }
  | { kind: 'in'; field: string; subquery: Query };

export interface Query {
  fields: string[];
  object: string;
  where: Condition[];
  orderBy: string | null;
  limit: number | null;
}

export class SoqlError extends Error {}

const TOKEN = /\s*(\(|\)|,|!=|=|'(?:[^'\\]|\\.)*'|[A-Za-z_][A-Za-z0-9_.]*|\d+)/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(text);
    if (!match) throw new SoqlError(`unexpected text at ${position}: ${text.slice(position, position + 20)}`);
    tokens.push(match[1]);
    position = TOKEN.lastIndex;
  }
  return tokens;
}

class Parser {
  private index = 0;
  private readonly tokens: string[];
  constructor(tokens: string[]) {
    this.tokens = tokens;
  }
  peek(): string | undefined {
    return this.tokens[this.index];
  }
  next(): string {
    const token = this.tokens[this.index++];
    if (token === undefined) throw new SoqlError('unexpected end of query');
    return token;
  }
  keyword(word: string): boolean {
    if (this.peek()?.toUpperCase() === word) {
      this.index++;
      return true;
    }
    return false;
  }
  expect(word: string): void {
    if (!this.keyword(word) && this.next() !== word) throw new SoqlError(`expected ${word}`);
  }
  done(): boolean {
    return this.index >= this.tokens.length;
  }

  query(): Query {
    this.expect('SELECT');
    const fields = [this.next()];
    while (this.peek() === ',') {
      this.next();
      fields.push(this.next());
    }
    this.expect('FROM');
    const object = this.next();
    const where: Condition[] = [];
    if (this.keyword('WHERE')) {
      where.push(this.condition());
      while (this.keyword('AND')) where.push(this.condition());
    }
    let orderBy: string | null = null;
    if (this.keyword('ORDER')) {
      this.expect('BY');
      orderBy = this.next();
    }
    let limit: number | null = null;
    if (this.keyword('LIMIT')) limit = Number(this.next());
    return { fields, object, where, orderBy, limit };
  }

  condition(): Condition {
    const field = this.next();
    if (this.keyword('IN')) {
      this.expect('(');
      const subquery = this.query();
      this.expect(')');
      return { kind: 'in', field, subquery };
    }
    const operator = this.next();
    if (operator !== '=' && operator !== '!=') throw new SoqlError(`unsupported operator ${operator}`);
    return { kind: 'compare', field, operator, value: literal(this.next()) };
  }
}

function literal(token: string): Literal {
  if (token.startsWith("'")) return token.slice(1, -1).replace(/\\(.)/g, '$1');
  const lower = token.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  throw new SoqlError(`unsupported literal ${token}`);
}

export function parseSoql(text: string): Query {
  const parser = new Parser(tokenize(text));
  const query = parser.query();
  if (!parser.done()) throw new SoqlError(`unexpected ${parser.peek()}`);
  return query;
}
