// Reads a `capplan place` problem.json. Parsed with the yaml package's document API (JSON is
// YAML 1.2) so every error, syntax or schema, carries the line and column of the bad value.
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../domain/errors.ts';
import { problemRules, problemSchema } from '../domain/problem.ts';
import type { PlacementProblem } from '../placement/types.ts';

type Doc = ReturnType<typeof parseDocument>;

function locate(doc: Doc, lines: LineCounter, file: string, path: (string | number | symbol)[]) {
  const keys = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  // Walk up until a node exists (a missing key points at its parent object).
  for (let n = keys.length; n >= 0; n--) {
    const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { file, row: pos.line, column: pos.col };
    }
  }
  return { file };
}

const pathText = (path: (string | number | symbol)[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

export async function readProblemJson(file: string): Promise<PlacementProblem> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { file });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = syntax.linePos?.[0];
    throw new InputError(`not valid JSON: ${syntax.message.split('\n')[0]}`, {
      file,
      row: pos?.line,
      column: pos?.col,
    });
  }
  const parsed = problemSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw new InputError(
      `${pathText(issue.path) || '(root)'}: ${issue.message}${more}`,
      locate(doc, lines, file, issue.path),
    );
  }
  const problem = parsed.data as PlacementProblem;
  const rule = problemRules(problem)[0];
  if (rule) throw new InputError(`${pathText(rule.path)}: ${rule.message}`, locate(doc, lines, file, rule.path));
  return problem;
}
