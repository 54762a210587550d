import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

const importsOf = (text: string): string[] =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

describe('architecture', () => {
  it('should keep platform SDKs, keyv and adapters out of src/', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (/^(grammy|@grammyjs\/|@slack\/|keyv|@keyv\/|pino)/.test(spec) || spec.includes('adapters/')) {
          offenders.push(`${relative(root, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('should read process.env only in composition files', () => {
    const readers = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'adapters'))]
      .filter((f) => readFileSync(f, 'utf8').includes('process.env'))
      .map((f) => relative(root, f));
    expect(readers.every((f) => /(^|\/)main\.ts$/.test(f))).toBe(true);
  });

  it('should let adapters reach the core only through src/index.ts', () => {
    const deep: string[] = [];
    for (const file of sourceFiles(join(root, 'adapters'))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (/\/src\//.test(spec) && !/\/src\/index\.ts$/.test(spec))
          deep.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(deep).toEqual([]);
  });
});

describe('features do not import each other', () => {
  const src = join(root, 'src');
  const FEATURES = ['qa', 'eligibility', 'reminders', 'basics'];
  const importsIn = (dir: string): string[] =>
    readdirSync(join(src, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(src, dir, f), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? ''));

  it.each(FEATURES)('should keep src/%s free of imports from other features', (feature) => {
    const others = FEATURES.filter((f) => f !== feature);
    const bad = importsIn(feature).filter((spec) => others.some((o) => spec.includes(`/${o}/`)));
    expect(bad).toEqual([]);
  });

  it('should keep the shared modules free of imports from features', () => {
    const bad = ['thresholds', 'figures', 'centers']
      .flatMap(importsIn)
      .filter((spec) => FEATURES.some((o) => spec.includes(`/${o}/`)));
    expect(bad).toEqual([]);
  });
});
