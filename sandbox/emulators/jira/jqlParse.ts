/**
 * A small real JQL parser: clauses joined by AND / OR / NOT with parentheses,
 * the operators the engine and its users write, quoted values with backslash
 * escapes, and ORDER BY. Enough to be honest about quoting: a quoted value is
 * always one literal, whatever it contains.
 */
export class JqlError extends Error {}

type Token = { kind: 'word' | 'string' | 'op' | 'punct'; text: string; pos: number };

export type JqlValue = { kind: 'string' | 'word'; text: string };

export type JqlNode =
  | { kind: 'and' | 'or'; children: JqlNode[] }
  | { kind: 'not'; child: JqlNode }
  | { kind: 'clause'; field: string; op: string; values: JqlValue[] }
  | { kind: 'empty'; field: string; negated: boolean };

export interface JqlQuery {
  where: JqlNode | null;
  orderBy: { field: string; desc: boolean }[];
}

const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'];

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      const start = i;
      let text = '';
      i += 1;
      while (i < jql.length && jql[i] !== c) {
        if (jql[i] === '\\' && i + 1 < jql.length) i += 1;
        text += jql[i];
        i += 1;
      }
      if (i >= jql.length) throw new JqlError(`Error in the JQL Query: The quoted string ${jql.slice(start)} has not been completed. (line 1, character ${start + 1})`);
      i += 1;
      tokens.push({ kind: 'string', text, pos: start });
    } else if ('(),'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, pos: i });
      i += 1;
    } else {
      const op = OPERATORS.find((o) => jql.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, pos: i });
        i += op.length;
      } else {
        const start = i;
        while (i < jql.length && !/[\s(),"'=!<>~]/.test(jql[i]!)) i += 1;
        if (start === i) throw new JqlError(`Error in the JQL Query: The character '${c}' is a reserved JQL character. (line 1, character ${i + 1})`);
        tokens.push({ kind: 'word', text: jql.slice(start, i), pos: start });
      }
    }
  }
  return tokens;
}

export function parseJql(jql: string): JqlQuery {
  const tokens = tokenize(jql);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (t: Token | undefined, word: string) => t?.kind === 'word' && t.text.toUpperCase() === word;
  const expected = (what: string): never => {
    const t = peek();
    throw new JqlError(
      t
        ? `Error in the JQL Query: Expecting ${what} but got '${t.text}'. (line 1, character ${t.pos + 1})`
        : `Error in the JQL Query: Expecting ${what} before the end of the query.`,
    );
  };
  const value = (): JqlValue => {
    const t = peek();
    if (t?.kind === 'string' || (t?.kind === 'word' && !['AND', 'OR', 'ORDER'].includes(t.text.toUpperCase()))) {
      at += 1;
      return { kind: t.kind, text: t.text };
    }
    return expected('either a value, a function or a list');
  };
  const clause = (): JqlNode => {
    const field = peek();
    if (field?.kind !== 'word' && field?.kind !== 'string') return expected('a field name');
    at += 1;
    const name = field.text.toLowerCase();
    if (isWord(peek(), 'IS')) {
      at += 1;
      const negated = isWord(peek(), 'NOT');
      if (negated) at += 1;
      if (!isWord(peek(), 'EMPTY') && !isWord(peek(), 'NULL')) return expected("'EMPTY' or 'NULL'");
      at += 1;
      return { kind: 'empty', field: name, negated };
    }
    let op: string;
    if (isWord(peek(), 'NOT') && isWord(tokens[at + 1], 'IN')) {
      at += 2;
      op = 'not in';
    } else if (isWord(peek(), 'IN')) {
      at += 1;
      op = 'in';
    } else if (peek()?.kind === 'op') {
      op = peek()!.text;
      at += 1;
    } else {
      return expected("an operator such as '=', '!=', '~', 'in' or 'is'");
    }
    if (op === 'in' || op === 'not in') {
      if (peek()?.text !== '(') return expected("'('");
      at += 1;
      const values = [value()];
      while (peek()?.text === ',') {
        at += 1;
        values.push(value());
      }
      if (peek()?.text !== ')') return expected("')'");
      at += 1;
      return { kind: 'clause', field: name, op, values };
    }
    return { kind: 'clause', field: name, op, values: [value()] };
  };
  const unary = (): JqlNode => {
    if (isWord(peek(), 'NOT')) {
      at += 1;
      return { kind: 'not', child: unary() };
    }
    if (peek()?.text === '(' && peek()?.kind === 'punct') {
      at += 1;
      const inner = or();
      if (peek()?.text !== ')') return expected("')'");
      at += 1;
      return inner;
    }
    return clause();
  };
  const and = (): JqlNode => {
    const children = [unary()];
    while (isWord(peek(), 'AND')) {
      at += 1;
      children.push(unary());
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  };
  const or = (): JqlNode => {
    const children = [and()];
    while (isWord(peek(), 'OR')) {
      at += 1;
      children.push(and());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  };

  const where = peek() && !isWord(peek(), 'ORDER') ? or() : null;
  const orderBy: JqlQuery['orderBy'] = [];
  if (isWord(peek(), 'ORDER')) {
    at += 1;
    if (!isWord(peek(), 'BY')) return expected("'BY'");
    at += 1;
    do {
      if (peek()?.text === ',') at += 1;
      const field = peek();
      if (field?.kind !== 'word') return expected('a field name');
      at += 1;
      let desc = false;
      if (isWord(peek(), 'ASC') || isWord(peek(), 'DESC')) {
        desc = peek()!.text.toUpperCase() === 'DESC';
        at += 1;
      }
      orderBy.push({ field: field.text.toLowerCase(), desc });
    } while (peek()?.text === ',');
  }
  if (peek()) return expected("'AND', 'OR' or the end of the query");
  return { where, orderBy };
}
