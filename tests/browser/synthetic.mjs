// Made-up articles of any number of actors, built into a site of their own, so the graph's look
// is tested beyond the articles the newsroom happens to have: 2 actors must not be spread over a
// box made for 30, and 40 must still be apart and pointable, at 320 px and at 1,280 px. The same
// shape as the native test's generator (model/tests/relations.rs, `synthetic`).

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `actors` actors ("Actor Aa", "Ab Board", "The Ac Works" …), one sentence per relation: actor i
 * to i + 1 within groups of `group` (so actors / group separate groups), every third actor also
 * to the one three on. */
export function syntheticContent(actors, group) {
  const names = Array.from({ length: actors }, (_, i) => {
    const code = String.fromCharCode(65 + Math.floor(i / 26), 97 + (i % 26));
    return `${['Actor ', '', 'The '][i % 3]}${code}${['', ' Board', ' Works'][i % 3]}`;
  });
  const pairs = [];
  for (let i = 0; i < actors; i++) {
    if ((i + 1) % group !== 0 && i + 1 < actors) pairs.push([i, i + 1]);
    if (i % 3 === 0 && Math.floor((i + 3) / group) === Math.floor(i / group) && i + 3 < actors) pairs.push([i, i + 3]);
  }
  const sentences = pairs.map(([a, b], k) => `${names[a]} met ${names[b]} on day ${k + 1}.`);
  return {
    'article.txt': `A Synthetic Graph of ${actors} Actors\n\n${sentences.join(' ')}\n`,
    'article.toml': 'sample = true\n',
    'actors.toml': names
      .map((n, i) => `[[actor]]\nid = "a${i}"\nname = "${n}"\nkind = "organisation"\nrole = "Made up"\ndescription = "Made up."\nforms = ["${n}"]\n`)
      .join('\n'),
    'relations.toml': pairs
      .map(([a, b], k) => `[[relation]]\nid = "r${k}"\ntype = "alliance"\nfrom = "a${a}"\nto = "a${b}"\nlabel = "met"\nquote = "${sentences[k]}"\n`)
      .join('\n'),
  };
}

/** Writes the made-up articles `{ slug: [actors, group] }` into a scratch content folder (with
 * the site's locales) and builds them with the rig into a site of their own, reusing the
 * runtime Trunk built. Returns `{ content, dist, slugs }`. */
export function buildSyntheticSite(root, articles) {
  const scratch = mkdtempSync(join(tmpdir(), 'xa-synthetic-'));
  const content = join(scratch, 'content');
  cpSync(join(root, 'content', 'locales'), join(content, 'locales'), { recursive: true });
  for (const [slug, [actors, group]] of Object.entries(articles)) {
    mkdirSync(join(content, slug), { recursive: true });
    for (const [file, text] of Object.entries(syntheticContent(actors, group))) writeFileSync(join(content, slug, file), text);
  }
  const dist = join(scratch, 'dist');
  const rig = process.env.XA_RIG ?? join(root, 'target', 'release', 'rig');
  execFileSync(rig, ['build', '--preview', '--content', content, '--out', dist, '--runtime-stage', join(root, 'target', 'runtime')], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { scratch, content, dist, slugs: Object.keys(articles) };
}

/** A copy of the English article `from` as `slug`, in a site of its own whose English words are
 * all wrapped in ⟦ ⟧ (`pseudo(en.toml)`): what the words tests read. Returns as buildSyntheticSite. */
export function buildPseudoSite(root, from, slug, pseudo) {
  const scratch = mkdtempSync(join(tmpdir(), 'xa-pseudo-'));
  const content = join(scratch, 'content');
  cpSync(join(root, 'content', 'locales'), join(content, 'locales'), { recursive: true });
  writeFileSync(join(content, 'locales', 'en.toml'), pseudo(readFileSync(join(root, 'content', 'locales', 'en.toml'), 'utf8')));
  cpSync(join(root, 'content', from), join(content, slug), { recursive: true });
  const dist = join(scratch, 'dist');
  const rig = process.env.XA_RIG ?? join(root, 'target', 'release', 'rig');
  execFileSync(rig, ['build', '--preview', '--content', content, '--out', dist, '--runtime-stage', join(root, 'target', 'runtime')], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { scratch, content, dist, slugs: [slug] };
}
