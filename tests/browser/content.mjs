// What the page must show, derived from the content files alone (never from the app's output):
// the article's blocks verbatim, the actors, and where the data says each mention is.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT } from './ids.mjs';

const RIG = process.env.XA_RIG ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'target', 'release', 'rig');

/** The interface's words the article's pages use, in its language, as the model resolves them
 * (`rig words`): the tests never spell a word of the interface. `count(word, n)` picks a plural
 * form as the build does and fills `{n}`. */
export function readWords(contentDir) {
  const json = execFileSync(RIG, ['words', '--content', dirname(contentDir), basename(contentDir)], { encoding: 'utf8' });
  const { app, page } = JSON.parse(json);
  const count = (word, n, plurals = app.plurals) => {
    const form = n < plurals.by_count.length ? plurals.by_count[n] : plurals.beyond;
    return word.forms[form].replaceAll('{n}', String(n));
  };
  /** `template` with its `{key}` placeholders filled from `values`. */
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
  return { app, page, count, fill };
}

/** The headline and paragraphs: the non-blank lines of article.txt, in order. */
export function readArticle(contentDir) {
  const text = readFileSync(join(contentDir, 'article.txt'), 'utf8').replace(/^\uFEFF/, '');
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
  return { title: lines[0], paragraphs: lines.slice(1) };
}

/** A TOML basic string's value (the few escapes the format has). */
function tomlString(quoted) {
  return quoted
    .slice(1, -1)
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e) => {
      if (e[0] === 'u' || e[0] === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
      return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\' }[e] ?? e;
    });
}

const STRING = /"(?:[^"\\]|\\.)*"/g;

/** The `[[actor]]` tables of actors.toml: id, name, kind and forms (a small regex-based reader). */
export function readActors(contentDir) {
  const text = readFileSync(join(contentDir, 'actors.toml'), 'utf8');
  const withoutComments = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
  const tables = withoutComments.split(/^\s*\[\[actor\]\]\s*$/m).slice(1);
  return tables.map((body) => {
    const field = (key) => {
      const m = body.match(new RegExp(`^\\s*${key}\\s*=\\s*("(?:[^"\\\\]|\\\\.)*")`, 'm'));
      return m ? tomlString(m[1]) : undefined;
    };
    const formsLine = body.match(/^\s*forms\s*=\s*\[([^\]]*)\]/m);
    const forms = formsLine ? (formsLine[1].match(STRING) ?? []).map(tomlString) : [];
    // `short` is the graph's label; it defaults to the name.
    return { id: field('id'), name: field('name'), short: field('short') ?? field('name'), kind: field('kind'), forms };
  });
}

// A word character, as the content format defines whole words (letters and digits of any script).
const WORD = /[\p{Alphabetic}\p{N}]/u;
const isWord = (c) => c !== undefined && WORD.test(c);

/**
 * Where the data says the mentions are in one block: at each position, the longest form that
 * matches there as a whole word wins; a possessive ’s/'s right after it belongs to the mention.
 * Returns [{ start, end, text, actor }] with UTF-16 offsets.
 */
export function predictMentions(text, actors) {
  const forms = actors
    .flatMap((actor) => actor.forms.map((form) => ({ form, actor })))
    .filter((f) => f.form.length > 0)
    .sort((a, b) => [...b.form].length - [...a.form].length);
  const found = [];
  let at = 0;
  while (at < text.length) {
    const hit = forms.find(({ form }) => {
      if (!text.startsWith(form, at)) return false;
      const before = [...text.slice(0, at)].pop();
      const after = [...text.slice(at + form.length)][0];
      const first = [...form][0];
      const last = [...form].pop();
      const startsClean = !(isWord(before) && isWord(first));
      const endsClean = !(isWord(after) && isWord(last));
      return startsClean && endsClean;
    });
    if (!hit) {
      at += String.fromCodePoint(text.codePointAt(at)).length;
      continue;
    }
    let end = at + hit.form.length;
    for (const suffix of ['\u2019s', "'s"]) {
      if (text.startsWith(suffix, end) && !isWord([...text.slice(end + suffix.length)][0])) {
        end += suffix.length;
        break;
      }
    }
    found.push({ start: at, end, text: text.slice(at, end), actor: hit.actor });
    at = end;
  }
  return found;
}

/**
 * The `[[relation]]` tables of relations.toml (id, type, from, to, label, quote), in file order, and
 * which types the model draws as directed (`rig contract`).
 */
export function readRelations(contentDir) {
  const text = readFileSync(join(contentDir, 'relations.toml'), 'utf8');
  const directed = new Map(Object.entries(CONTRACT.directed));
  const withoutComments = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
  const tables = withoutComments.split(/^\s*\[\[relation\]\]\s*$/m).slice(1);
  const relations = tables.map((body) => {
    const field = (key) => {
      const m = body.match(new RegExp(`^\\s*${key}\\s*=\\s*("(?:[^"\\\\]|\\\\.)*")`, 'm'));
      return m ? tomlString(m[1]) : undefined;
    };
    return { id: field('id'), type: field('type'), from: field('from'), to: field('to'), label: field('label'), quote: field('quote') };
  });
  return { relations, directed };
}

/** Everything the tests expect, from the content folder. */
export function loadExpectations(contentDir) {
  const article = readArticle(contentDir);
  const actors = readActors(contentDir);
  const blocks = [article.title, ...article.paragraphs];
  // Mentions in reading order across the document, headline first, numbered as the page numbers them.
  const mentions = blocks.flatMap((text, block) =>
    predictMentions(text, actors).map((m) => ({ ...m, block })),
  );
  mentions.forEach((m, i) => (m.index = i));
  const byActor = new Map(actors.map((a) => [a.id, []]));
  for (const m of mentions) byActor.get(m.actor.id).push(m.index);
  // Relations, numbered in file order as the page numbers them; actors are numbered in actors.toml order.
  const { relations, directed } = readRelations(contentDir);
  const actorIndex = new Map(actors.map((a, i) => [a.id, i]));
  const relationsOf = new Map(actors.map((a) => [a.id, []]));
  relations.forEach((r, i) => {
    r.index = i;
    r.fromIndex = actorIndex.get(r.from);
    r.toIndex = actorIndex.get(r.to);
    r.directed = directed.get(r.type);
    relationsOf.get(r.from).push(i);
    relationsOf.get(r.to).push(i);
  });
  // The actors the graph draws: those in at least one relation, in actors.toml order.
  const graphActors = actors.map((_, i) => i).filter((i) => relationsOf.get(actors[i].id).length > 0);
  const words = readWords(contentDir);
  return { article, actors, blocks, mentions, byActor, relations, relationsOf, graphActors, actorIndex, words };
}

/** A mention's text without a trailing possessive. */
export function stripPossessive(text) {
  return text.replace(/(\u2019s|'s)$/, '');
}
