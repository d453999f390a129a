// What a screen reader gets: the browser's own accessibility tree (Chromium's, over CDP:
// `Accessibility.getFullAXTree`), not the markup. Screen readers read this tree, so these tests
// assert the roles, names, states and relationships their users depend on, step by step as a
// keyboard user goes: the mentions, the open card, the switch, the graph and the table. Each test
// also writes what it read to `screen-reader.txt` in the article's output folder: README's
// "What a screen reader says" is that transcript, summarised.
//
// Firefox's tree is not reachable from a test here (WebDriver BiDi has no accessibility module),
// so these run in Chromium only; the ARIA they check is the same markup in both browsers.
// Names start with "screen reader".

import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX, test } from './harness.mjs';
import { ID } from './ids.mjs';
import { ready, settle, waitCard, waitNoCard } from './page.mjs';

/** The page's accessibility tree, each node with the DOM id of its element (when it has one):
 * `{ byId(id), all, find(pred), children(node) }`, and what each node is: `{ role, name,
 * description, props: {expanded, pressed, …}, id, ignored }`. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    // DOM ids by backend node: the tree names nodes by backend id, the tests by DOM id.
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const idOf = new Map();
    const walk = (n) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'id') idOf.set(n.backendNodeId, a[i + 1]);
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const all = nodes.map((n) => ({
      axId: n.nodeId,
      childIds: n.childIds ?? [],
      ignored: n.ignored,
      role: n.role?.value,
      name: n.name?.value ?? '',
      description: n.description?.value ?? '',
      id: idOf.get(n.backendDOMNodeId),
      props: Object.fromEntries(
        (n.properties ?? []).map((p) => [p.name, p.value.relatedNodes ? p.value.relatedNodes.map((r) => r.idref ?? idOf.get(r.backendDOMNodeId)) : p.value.value]),
      ),
    }));
    const byAx = new Map(all.map((n) => [n.axId, n]));
    const byDom = new Map(all.filter((n) => n.id).map((n) => [n.id, n]));
    const descendants = (node) => node.childIds.flatMap((c) => (byAx.has(c) ? [byAx.get(c), ...descendants(byAx.get(c))] : []));
    return {
      all,
      byId: (id) => byDom.get(id),
      descendants,
      /** The element's node, which must be in the tree and not ignored. */
      node: (id, what) => {
        const n = byDom.get(id);
        assert.ok(n && !n.ignored, `${what} (#${id}) is not in the accessibility tree`);
        return n;
      },
    };
  } finally {
    await cdp.detach();
  }
}

/** One line of the transcript: what a screen reader has to say of a node. */
const said = (n) =>
  [
    n.name && `“${n.name}”`,
    n.role,
    n.description && `(${n.description})`,
    ...['expanded', 'pressed', 'hasPopup', 'modal'].filter((p) => p in n.props && n.props[p] !== false && n.props[p] !== 'false').map((p) => `${p}${n.props[p] === true || n.props[p] === 'true' ? '' : `=${n.props[p]}`}`),
  ]
    .filter(Boolean)
    .join(', ');

/** The ids of the elements that say they are the current one. Chromium's CDP tree leaves
 * `aria-current` out of a node's properties (its platform trees carry it to screen readers), so
 * this one state is read from the markup the tree is built from. */
const currentIds = (page) => page.evaluate(() => [...document.querySelectorAll('[aria-current]:not([aria-current="false"])')].map((e) => e.id));

/** The focused element's DOM id. */
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

export function defineAxTests({ E, outDir }) {
  if (FIREFOX) return;
  const W = E.words;
  const transcript = join(outDir, 'screen-reader.txt');
  const say = (step, lines) => appendFileSync(transcript, `\n## ${step}\n${lines.map((l) => `- ${l}`).join('\n')}\n`);
  const actorOf = (m) => E.actors.find((a) => a.id === m.actor.id);
  const who = (a) => (a.short === a.name ? a.name : W.fill(W.app.node_who, { short: a.short, name: a.name }));
  // The kinds' words, in the model's order of kinds.
  const KINDS = ['person', 'country', 'organisation', 'company'];
  const nodeName = (i) => {
    const a = E.actors[i];
    return W.fill(W.count(W.app.node, E.relationsOf.get(a.id).length), { who: who(a), kind: W.app.kinds[KINDS.indexOf(a.kind)] });
  };
  const relationName = (r) => W.fill(W.app.relation, { from: E.actors[r.fromIndex].short, label: r.label, to: E.actors[r.toIndex].short });
  const edgeName = (r) => W.fill(W.app.edge, { relation: relationName(r), quote: r.quote });

  test('screen reader: every mention is a link named by its words that opens a dialog, collapsed; focused, it is expanded and controls the card, a dialog named by the actor and described by its role, its buttons named', async ({ page, origin }) => {
    writeFileSync(transcript, `# What a screen reader reads (Chromium's accessibility tree), ${E.article.title}\n`);
    await page.goto(`${origin}/`);
    await ready(page);
    let ax = await axTree(page);
    const article = ax.all.find((n) => n.role === 'article');
    assert.equal(article?.name, E.article.title, 'the article is named by its headline');
    for (const m of E.mentions) {
      const n = ax.node(ID.mention(m.index), `mention ${m.index} (“${m.text}”)`);
      assert.equal(n.role, 'link', `mention ${m.index}: role`);
      assert.equal(n.name, m.text, `mention ${m.index}: its name is its words`);
      assert.equal(n.props.hasPopup, 'dialog', `mention ${m.index}: it says it opens a dialog`);
      assert.equal(n.props.expanded, false, `mention ${m.index}: collapsed while no card is open`);
      assert.equal(n.props.controls, undefined, `mention ${m.index}: controls nothing while no card is open`);
    }
    const first = E.mentions[0];
    say('A mention, before its card opens', [said(ax.byId(ID.mention(first.index)))]);

    // A keyboard user reaches the first mention: Tab from the start of the page.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && (await focusedId(page)) !== ID.mention(first.index); i++) await page.keyboard.press('Tab');
    assert.equal(await focusedId(page), ID.mention(first.index), 'Tab reaches the first mention');
    const actor = actorOf(first);
    await waitCard(page, actor.name);
    await settle(page);
    ax = await axTree(page);
    const m = ax.node(ID.mention(first.index), 'the focused mention');
    assert.equal(m.props.expanded, true, 'the focused mention is expanded');
    assert.deepEqual(m.props.controls, [ID.card], 'and controls the card');
    assert.equal(m.props.focused, true, 'focus stays on the mention (the card is not modal)');
    const card = ax.node(ID.card, 'the card');
    assert.equal(card.role, 'dialog', 'the card is a dialog');
    assert.equal(card.name, actor.name, 'named by the actor');
    const role = await page.evaluate((id) => document.querySelector(`#${id} [id$="-role"]`)?.textContent ?? '', ID.card);
    assert.ok(role.length > 0, 'the card shows a role');
    assert.equal(card.description, role, 'described by the actor\'s role');
    assert.notEqual(card.props.modal, true, 'not modal: the reader goes on reading');
    const inCard = ax.descendants(card).filter((n) => !n.ignored);
    const buttons = inCard.filter((n) => n.role === 'button');
    assert.ok(buttons.length > 0, 'the card has buttons');
    for (const b of buttons) assert.ok(b.name.trim().length > 0, `every button of the card has a name (one has none: ${JSON.stringify(b)})`);
    const names = buttons.map((b) => b.name);
    assert.ok(names.includes(W.app.close_card), `a button named “${W.app.close_card}” (${names.join(' | ')})`);
    assert.ok(names.includes(W.app.cards_off), `a button named “${W.app.cards_off}”`);
    // Each relation the card lists is a button named by what it shows: the relation, then its
    // quote (its visible words: a name of its own would hide them from speech input).
    for (const i of E.relationsOf.get(actor.id)) {
      const r = E.relations[i];
      const shown = `${relationName(r)} ${r.quote}`;
      assert.ok(names.includes(shown), `a button for relation ${r.id}, named “${shown}” (${names.join(' | ')})`);
    }
    if (E.byActor.get(actor.id).length > 1) {
      assert.ok(names.includes(W.app.previous_mention) && names.includes(W.app.next_mention), 'buttons to the previous and next mention');
      const steps = inCard.find((n) => n.role === 'group');
      assert.equal(steps?.name, W.fill(W.app.mentions_of, { name: actor.name }), 'the mention steps are a group named for the actor');
    }
    assert.ok(inCard.some((n) => n.role === 'heading' && n.name === actor.name), 'the actor\'s name is a heading in the card');
    say('Tab to that mention: its card opens', [said(m), said(card), ...buttons.map(said)]);

    // Esc closes it; the mention collapses, focus where it was.
    await page.keyboard.press('Escape');
    await waitNoCard(page);
    await settle(page);
    ax = await axTree(page);
    const after = ax.node(ID.mention(first.index), 'the mention after Esc');
    assert.equal(after.props.expanded, false, 'Esc: the mention is collapsed again');
    assert.equal(after.props.controls, undefined, 'and controls nothing');
    assert.equal(after.props.focused, true, 'and keeps focus');
    assert.equal(ax.byId(ID.card), undefined, 'the card has left the tree');
    say('Esc', [said(after)]);
  });

  test('screen reader: the cards switch is a toggle button, pressed, described by the hint; pressed again it is not, and the names are plain text', async ({ page, origin }) => {
    await page.goto(`${origin}/`);
    await ready(page);
    let ax = await axTree(page);
    let sw = ax.node(ID.switch, 'the switch');
    assert.equal(sw.role, 'button');
    assert.equal(sw.name, W.page.switch, 'named by its label');
    assert.equal(sw.props.pressed, 'true', 'pressed: cards are on');
    assert.equal(sw.description, W.app.hint_on, 'described by the hint');
    const before = said(sw);
    await page.focus(`#${ID.switch}`);
    await page.keyboard.press('Enter');
    await settle(page);
    ax = await axTree(page);
    sw = ax.node(ID.switch, 'the switch, off');
    assert.equal(sw.props.pressed, 'false', 'Enter: not pressed');
    assert.equal(sw.description, W.app.hint_off, 'the hint says cards are off');
    const m = ax.byId(ID.mention(0));
    assert.ok(!m || m.ignored || m.role !== 'link', 'the names are no longer links');
    say('The cards switch, then Enter on it', [before, said(sw)]);
  });

  if (E.relations.length) {
    test('screen reader: the graph is a group named with how to use it; a Tab stop for the actors, one for the lines; every node and line a button with its spoken name; the selected one is current; Esc clears, Tab leaves', async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await ready(page);
      let ax = await axTree(page);
      const graph = ax.node(ID.graph('wide'), 'the graph');
      assert.equal(graph.role, 'group');
      assert.equal(graph.name, W.app.graph, 'its name says how to move in it and leave it');
      const inGraph = ax.descendants(graph).filter((n) => !n.ignored && n.role !== 'none' && n.role !== 'generic');
      const nodes = E.graphActors.map((i) => ax.node(ID.node('wide', i), `node ${E.actors[i].name}`));
      const edges = E.relations.map((r) => ax.node(ID.edge('wide', r.index), `line ${r.id}`));
      for (const [k, i] of E.graphActors.entries()) {
        assert.equal(nodes[k].role, 'button', `node ${E.actors[i].name}: a button`);
        assert.equal(nodes[k].name, nodeName(i), `node ${E.actors[i].name}: its spoken name`);
      }
      for (const [k, r] of E.relations.entries()) {
        assert.equal(edges[k].role, 'button', `line ${r.id}: a button`);
        assert.equal(edges[k].name, edgeName(r), `line ${r.id}: its spoken name`);
      }
      // Nothing else in the group speaks: the labels drawn beside the nodes are hidden (the node says it).
      const speaking = inGraph.filter((n) => n.role !== 'StaticText' && n.role !== 'InlineTextBox');
      assert.equal(speaking.length, nodes.length + edges.length, `the group holds its nodes and lines and nothing else that speaks (${speaking.filter((n) => !nodes.includes(n) && !edges.includes(n)).map(said).join(' | ')})`);
      assert.deepEqual(await currentIds(page), [], 'nothing is current before a choice');
      // As its name says: Tab reaches the actors, then the lines (one stop each, the arrow keys move within).
      const stops = await page.evaluate((id) => [...document.querySelectorAll(`#${id} [tabindex="0"]`)].map((e) => e.id), ID.graph('wide'));
      assert.equal(stops.length, 2, `two Tab stops in the graph (${stops.join(', ')})`);
      assert.equal(ID.parse(stops[0])?.family, 'node', 'the first is an actor');
      assert.equal(ID.parse(stops[1])?.family, 'edge', 'the second a line');

      // Into the graph by Tab, Enter on a node: it is the current one, and its card opens with focus in it.
      await page.focus(`#${stops[0]}`);
      const start = await focusedId(page);
      await page.keyboard.press('Enter');
      await waitCard(page);
      await settle(page);
      ax = await axTree(page);
      const chosen = ax.node(start, 'the chosen node');
      // (A wide screen has the wide layout alone: boot.js adds the compact one on phones.)
      assert.deepEqual(await currentIds(page), [start], 'Enter: the node is the current one, and nothing else');
      const card = ax.node(ID.card, 'the node\'s card');
      assert.equal(card.props.focused, true, 'focus moves into the card, a dialog the reader asked for');
      assert.equal(card.name, E.actors[ID.index(start)].name, 'named by the node\'s actor');
      const lines = [`${said(chosen)}, current`, said(card)];
      // Esc closes it and brings focus back to the node; Enter on a line makes that the current one.
      await page.keyboard.press('Escape');
      await waitNoCard(page);
      assert.equal(await focusedId(page), start, 'Esc: focus is back on the node');
      const firstEdge = ID.edge('wide', E.relations[0].index);
      await page.focus(`#${firstEdge}`);
      await page.keyboard.press('Enter');
      await settle(page);
      ax = await axTree(page);
      assert.deepEqual(await currentIds(page), [firstEdge], 'Enter on a line: it is the current one, the node no longer');
      lines.push(`${said(ax.node(firstEdge, 'the chosen line'))}, current`);
      // Esc clears the choice; Tab (from the lines' stop) leaves the graph for what follows it.
      await page.keyboard.press('Escape');
      await settle(page);
      ax = await axTree(page);
      assert.deepEqual(await currentIds(page), [], 'Esc: nothing is current');
      await page.keyboard.press('Tab');
      const outside = await page.evaluate((id) => !document.getElementById(id).contains(document.activeElement), ID.graph('wide'));
      assert.ok(outside, 'Tab leaves the graph');
      const next = (await axTree(page)).all.find((n) => n.props.focused === true);
      lines.push(`Esc, then Tab: out of the graph, on ${next ? said(next) : 'nothing'}`);
      say('The graph: Tab into it, Enter on a node, then on a line', [said(graph), ...lines]);
    });

    test('screen reader: the relations table has a caption and column headers, each quote a link back to its sentence', async ({ page, origin }) => {
      await page.goto(`${origin}/`);
      await ready(page);
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await settle(page);
      const ax = await axTree(page);
      const table = ax.all.find((n) => n.role === 'table');
      assert.ok(table, 'a table in the tree');
      assert.equal(table.name, W.page.table_caption, 'named by its caption');
      const inTable = ax.descendants(table);
      const headers = inTable.filter((n) => n.role === 'columnheader').map((n) => n.name);
      assert.deepEqual(headers, [W.page.table_who, W.page.table_relation, W.page.table_whom, W.page.table_quote], 'its column headers');
      const rows = inTable.filter((n) => n.role === 'row');
      assert.equal(rows.length, E.relations.length + 1, 'a row per relation, and the headers\' row');
      const links = inTable.filter((n) => n.role === 'link');
      assert.ok(links.length >= E.relations.length, 'every relation links somewhere');
      say('The relations table', [said(table), `columns: ${headers.map((h) => `“${h}”`).join(', ')}`, `${rows.length - 1} rows`]);
    });
  }
}
