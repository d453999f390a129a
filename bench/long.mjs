// Long articles for the benchmark: an article `times` as long as a real one, made from its own
// content folder (never committed). Copy 1 is the article as it is; copy k > 1 follows it with its
// paragraphs again, every actor a new one: each word of its forms, in the text and the quotes,
// has k after its first letter ("Javier Milei" → "J2avier M2ilei", "Milei’s" → "M2ilei’s"), so
// no form or quote of another copy is found in it (a suffix would leave "…the Soviets" a part of
// "…the Soviets2"); its id becomes `id-k`. Paragraphs, actors and mentions grow `times`-fold, and
// relations nearly so: a copy leaves out the relations whose quote names no actor (it would occur
// more than once).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STRING = /"((?:[^"\\]|\\.)*)"/g;

/** The `[[actor]]` forms of actors.toml, every one of them (names and forms alike match). */
function formsOf(actorsToml) {
  const forms = new Set();
  for (const line of actorsToml.split('\n')) {
    const m = /^\s*(name|forms)\s*=\s*(.*)$/.exec(line);
    if (m) for (const [, s] of m[2].matchAll(STRING)) forms.add(s);
  }
  // Longest first: at one place in the text the longest form wins, as the compiler's does.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `name` with k after the first letter of each of its words. */
const suffixed = (name, k) => name.replace(/[\p{L}\p{N}]+/gu, (w) => `${[...w][0]}${k}${[...w].slice(1).join('')}`);

/** A function renaming every form in a text to its copy k's, at word boundaries. */
function renamer(forms, k) {
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${forms.map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(re, (m) => suffixed(m, k));
}

/** Writes the content folder `dest` as `times` copies of `source` (a content folder). With
 * `relations: 'first'`, only the first copy's relations: the text and the actors grow, the graph
 * stays the article's own. */
export function writeLongArticle(source, dest, times, { relations: which = 'all' } = {}) {
  const text = readFileSync(join(source, 'article.txt'), 'utf8').replace(/\r\n/g, '\n');
  const actors = readFileSync(join(source, 'actors.toml'), 'utf8');
  const relations = readFileSync(join(source, 'relations.toml'), 'utf8');
  const [title, ...rest] = text.split('\n').filter((l) => l.trim() !== '');
  const forms = formsOf(actors);
  const out = { paragraphs: [...rest], actors: [actors], relations: [relations] };
  for (let k = 2; k <= times; k++) {
    const rename = renamer(forms, k);
    out.paragraphs.push(...rest.map(rename));
    out.actors.push(
      actors
        .split('\n')
        .filter((l) => !/^\s*#/.test(l))
        .map((l) => {
          const m = /^(\s*)(id|name|short|forms)(\s*=\s*)(.*)$/.exec(l);
          if (!m) return l;
          const [, pad, key, eq, value] = m;
          if (key === 'id') return `${pad}${key}${eq}${value.replace(STRING, (_, s) => `"${s}-${k}"`)}`;
          return `${pad}${key}${eq}${value.replace(STRING, (_, s) => `"${suffixed(s, k)}"`)}`;
        })
        .join('\n'),
    );
    const tables = relations
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n')
      .split(/^(?=\s*\[\[relation\]\])/m)
      .filter((t) => /\[\[relation\]\]/.test(t));
    for (const table of which === 'all' ? tables : []) {
      const quote = /^\s*quote\s*=\s*(.*)$/m.exec(table)?.[1] ?? '';
      if (rename(quote) === quote) continue;
      out.relations.push(
        table
          .split('\n')
          .map((l) => {
            const m = /^(\s*)(id|from|to|quote)(\s*=\s*)(.*)$/.exec(l);
            if (!m) return l;
            const [, pad, key, eq, value] = m;
            if (key === 'quote') return `${pad}${key}${eq}${rename(value)}`;
            return `${pad}${key}${eq}${value.replace(STRING, (_, s) => `"${s}-${k}"`)}`;
          })
          .join('\n'),
      );
    }
  }
  mkdirSync(dest, { recursive: true });
  writeFileSync(join(dest, 'article.txt'), [title, ...out.paragraphs].join('\n\n') + '\n');
  writeFileSync(join(dest, 'actors.toml'), out.actors.join('\n'));
  writeFileSync(join(dest, 'relations.toml'), out.relations.join('\n'));
  const settings = readFileSync(join(source, 'article.toml'), { encoding: 'utf8', flag: 'r' });
  writeFileSync(join(dest, 'article.toml'), settings);
}
