/**
 * `npm run knowledge:compare -- <original.txt>`: a by-hand check, run when the plan text in
 * `knowledge/` is replaced or edited: the shipped text must equal the original document with its
 * conversion artefacts removed. Not part of `npm test`, because the original document is not
 * shipped with the project.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_KNOWLEDGE_DIR, stripArtefacts } from '../../src/knowledge-base/index.ts';

const [original, shippedName = 'yjxf-2017-139.txt'] = process.argv.slice(2);
if (!original) {
  process.stderr.write('usage: npm run knowledge:compare -- <original.txt> [shipped file in knowledge/]\n');
  process.exit(2);
}
const expected = stripArtefacts(readFileSync(original, 'utf8'));
const shipped = readFileSync(`${DEFAULT_KNOWLEDGE_DIR}${shippedName}`, 'utf8');
if (shipped === expected) {
  process.stdout.write(`knowledge/${shippedName} matches ${original} (artefacts removed)\n`);
} else {
  const a = shipped.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((l, i) => l !== b[i]);
  process.stdout.write(
    `knowledge/${shippedName} differs from ${original} at line ${line + 1}:\n  shipped:  ${a[line] ?? '(end)'}\n  original: ${b[line] ?? '(end)'}\n`,
  );
  process.exitCode = 1;
}
