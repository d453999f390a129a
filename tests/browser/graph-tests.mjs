// Browser tests for the relation graph, its legend, caption and table, and how they link to the
// text. Expectations come from content/ (relations.toml, actors.toml, article.txt; see content.mjs),
// never from the page: relation r is the r-th [[relation]], actor i the i-th [[actor]].

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test as register } from './harness.mjs';
import { ID } from './ids.mjs';
import { box, cardName, formatViolations, intersects, load, observeLayoutShift, ready, runAxe, screenshot, settle, tap, viewport, waitCard, waitCardStill, waitNoCard } from './page.mjs';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 812 } };
const TOUCH = { ...PHONE, hasTouch: true, isMobile: true };

const WIDE = 'svg.xa-graph-wide';
const COMPACT = 'svg.xa-graph-compact';
/** The layout the page shows at a viewport width (CSS switches at 600 px). */
const svgFor = (width) => (width >= 600 ? WIDE : COMPACT);
/** The layouts in the page: the compact one is fetched on narrow screens only (web/boot.js). */
const layouts = (page) => page.evaluate((all) => all.filter((s) => document.querySelector(s)), [WIDE, COMPACT]);
const layoutOf = (svg) => (svg === WIDE ? 'wide' : 'compact');
const nodeId = (svg, actor) => ID.node(layoutOf(svg), actor);
const edgeId = (svg, relation) => ID.edge(layoutOf(svg), relation);

function inViewport(r, vp, tolerance = 1) {
  return r.left >= -tolerance && r.top >= -tolerance && r.right <= vp.width + tolerance && r.bottom <= vp.height + tolerance;
}

/** The tests a made-up article (synthetic.mjs) runs: the graph's size, layout and look. */
const SHAPE_TESTS = /^(graph size|graph layout|screenshot graph (1280×800 light|320×640))/;

export function defineGraphTests({ E, axeSource, outDir, shapesOnly = false }) {
  const test = (name, ...rest) => (shapesOnly && !SHAPE_TESTS.test(name) ? undefined : register(name, ...rest));
  // ── What the content says ──────────────────────────────────────────────────────────────────
  const actorById = (id) => E.actors[E.actorIndex.get(id)];
  /** "Milei — insulted — Lula", as the graph names a relation (short labels), in the article's words. */
  const relationName = (r) => E.words.fill(E.words.app.relation, { from: E.actors[r.fromIndex].short, label: r.label, to: E.actors[r.toIndex].short });
  const edgeLabel = (r) => E.words.fill(E.words.app.edge, { relation: relationName(r), quote: r.quote });
  /** Where the quote stands in the article: block index and UTF-16 offsets. */
  const quoteAt = (r) => {
    const hits = E.blocks.flatMap((text, block) => {
      const out = [];
      for (let at = text.indexOf(r.quote); at >= 0; at = text.indexOf(r.quote, at + 1)) out.push({ block, start: at, end: at + r.quote.length });
      return out;
    });
    assert.equal(hits.length, 1, `relation ${r.id}: its quote occurs once in article.txt`);
    return hits[0];
  };
  /** The relations an actor is in (from or to), in relations.toml order. */
  const relationsOf = (actor) => E.relationsOf.get(E.actors[actor].id);
  const neighboursOf = (actor) =>
    new Set(relationsOf(actor).map((r) => (E.relations[r].fromIndex === actor ? E.relations[r].toIndex : E.relations[r].fromIndex)));
  const byRelationCount = [...E.graphActors].sort((a, b) => relationsOf(b).length - relationsOf(a).length || a - b);
  /** The graph actor with the most relations, and one with the fewest (but some mentions). */
  const busiest = byRelationCount[0];
  const quietest = byRelationCount.findLast((a) => E.byActor.get(E.actors[a].id).length > 0);
  const types = [...new Set(E.relations.map((r) => r.type))];
  /** An actor of the graph, named in the text, with relations but not the most: the one a deep
   * link or a tap picks. */
  const picked = byRelationCount.find((a) => a !== busiest && E.byActor.get(E.actors[a].id).length > 0) ?? busiest;

  // ── What the page shows ────────────────────────────────────────────────────────────────────
  /** Every sentence span, per block (headline first), with its offsets in the block's text. */
  async function sentences(page) {
    const blocks = await page.evaluate(() =>
      [document.querySelector('article h1'), ...document.querySelectorAll('article > p')].map((el) =>
        [...el.querySelectorAll('span.xa-sent')].map((s) => ({ id: s.id, text: s.textContent, ev: s.classList.contains('xa-ev') })),
      ),
    );
    assert.equal(blocks.length, E.blocks.length, 'blocks on the page');
    return blocks.map((spans, b) => {
      let at = 0;
      const out = spans.map((s) => {
        const span = { ...s, block: b, start: at, end: at + s.text.length };
        at = span.end;
        return span;
      });
      assert.equal(out.map((s) => s.text).join(''), E.blocks[b], `block ${b}: its sentence spans spell the block from article.txt`);
      return out;
    });
  }

  /** The ids of the sentence spans a relation's quote lies in (the sentences that must light up). */
  function evidenceIds(blocks, r) {
    const q = quoteAt(r);
    return blocks[q.block].filter((s) => s.start < q.end && q.start < s.end).map((s) => s.id);
  }

  const evIds = (blocks) => blocks.flat().filter((s) => s.ev).map((s) => s.id);

  /** Waits until exactly these sentence ids carry xa-ev (none for an empty list). */
  function waitEvidence(page, ids, timeout = 2000) {
    return page.waitForFunction(
      (ids) => {
        const got = [...document.querySelectorAll('span.xa-sent.xa-ev')].map((s) => s.id);
        return got.length === ids.length && ids.every((id, k) => got[k] === id);
      },
      ids,
      { timeout },
    ).catch(async (err) => {
      const got = await page.evaluate(() => [...document.querySelectorAll('span.xa-sent.xa-ev')].map((s) => s.id));
      throw new Error(`sentences with xa-ev: expected ${JSON.stringify(ids)}, got ${JSON.stringify(got)} (${err.message.split('\n')[0]})`);
    });
  }

  function waitHash(page, hash, timeout = 2000) {
    return page.waitForFunction((h) => location.hash === h, hash, { timeout }).catch(async (err) => {
      throw new Error(`location.hash: expected ${JSON.stringify(hash)}, got ${JSON.stringify(await page.evaluate(() => location.hash))} (${err.message.split('\n')[0]})`);
    });
  }

  /** The mentions highlighted in the text (ids), in order. */
  const highlighted = (page) => page.evaluate(() => [...document.querySelectorAll('.xa-mention.xa-hl')].map((m) => m.id));
  const mentionIds = (actor) => E.byActor.get(E.actors[actor].id).map((i) => ID.mention(i));

  function waitHighlight(page, actor, timeout = 2000) {
    const want = actor === null ? [] : mentionIds(actor);
    return page.waitForFunction(
      (want) => {
        const got = [...document.querySelectorAll('.xa-mention.xa-hl')].map((m) => m.id);
        return got.length === want.length && want.every((id, k) => got[k] === id);
      },
      want,
      { timeout },
    ).catch(async (err) => {
      throw new Error(`highlighted mentions: expected ${JSON.stringify(want)}, got ${JSON.stringify(await highlighted(page))} (${err.message.split('\n')[0]})`);
    });
  }

  /** Classes of interest in one SVG: which nodes and edges are emphasised or selected, and whether it dims. */
  function graphState(page, svg) {
    return page.evaluate((sel) => {
      const el = document.querySelector(sel);
      // The actor or relation is the number that ends the element's id (see ids.mjs).
      const pick = (q) => [...el.querySelectorAll(q)].map((g) => xaIds.index(g.id)).sort((a, b) => a - b);
      return {
        dim: el.classList.contains('xa-dim'),
        emNodes: pick('g.xa-node.xa-em'),
        emEdges: pick('g.xa-edge.xa-em'),
        selNodes: pick('g.xa-node.xa-sel'),
        selEdges: pick('g.xa-edge.xa-sel'),
      };
    }, svg);
  }

  const sorted = (xs) => [...xs].sort((a, b) => a - b);

  /**
   * Scrolls node `actor` of `svg` into view and returns the centre of its shape, checking that the
   * node (not an edge over it) is what a pointer there hits.
   */
  async function nodePoint(page, svg, actor) {
    const p = await page.evaluate(
      ({ id }) => {
        const g = document.getElementById(id);
        g.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
        const r = g.querySelector('.xa-shape').getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const hit = document.elementFromPoint(x, y)?.closest('.xa-node,.xa-edge,.xa-node-label');
        return { x, y, hit: hit ? hit.id : null };
      },
      { id: nodeId(svg, actor) },
    );
    assert.equal(p.hit, nodeId(svg, actor), `a pointer at the centre of ${nodeId(svg, actor)}'s shape hits it`);
    return p;
  }

  /**
   * A point (whole pixels) on the visible line of edge `relation` where a pointer hits that edge
   * (not a node, another edge or the card), nearest its middle, after scrolling the edge into view;
   * with `margin`, one where the whole square `margin` px around it does (a fingertip rather than a
   * mouse). Null when there is none.
   */
  function edgePoint(page, svg, relation, margin = 0) {
    return page.evaluate(
      ({ id, margin }) => {
        const g = document.getElementById(id);
        const path = g.querySelector('path.xa-edge-line');
        // The line, not its group: Firefox scrolls a group by a box that is not the line's.
        path.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
        const len = path.getTotalLength();
        const m = path.getScreenCTM();
        const hits = (x, y) => document.elementFromPoint(x, y)?.closest('.xa-node,.xa-edge,.xa-node-label,#' + xaIds.card) === g;
        // From the middle outwards, 5 %…95 % of the way (the ends sit under the nodes and arrowheads).
        for (let k = 0; k <= 90; k++) {
          const f = 0.5 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) / 100;
          const p = path.getPointAtLength(len * f);
          const x = Math.round(m.a * p.x + m.c * p.y + m.e);
          const y = Math.round(m.b * p.x + m.d * p.y + m.f);
          const square = [[0, 0], [-margin, -margin], [margin, -margin], [-margin, margin], [margin, margin]];
          if (square.every(([dx, dy]) => hits(x + dx, y + dy))) return { x, y };
        }
        return null;
      },
      { id: edgeId(svg, relation), margin },
    );
  }

  /**
   * For every edge of `svg`: a point along its visible line (5 %…95 %) where a pointer hits that
   * edge, or null when nodes and other edges cover all of it; and how close the line comes to the
   * centre of a node that is not one of its two ends (in SVG units).
   */
  function edgeReach(page, svg) {
    return page.evaluate((sel) => {
      const el = document.querySelector(sel);
      const nodes = [...el.querySelectorAll('g.xa-node')].map((g) => {
        const m = g.transform.baseVal.consolidate().matrix;
        return { id: g.id, x: m.e, y: m.f };
      });
      return [...el.querySelectorAll('g.xa-edge')].map((g) => {
        const path = g.querySelector('path.xa-edge-line');
        // The line, not its group: Firefox scrolls a group by a box that is not the line's.
        path.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
        const len = path.getTotalLength();
        const m = path.getScreenCTM();
        const nearest = (p) => nodes.reduce((b, n) => (!b || Math.hypot(n.x - p.x, n.y - p.y) < Math.hypot(b.x - p.x, b.y - p.y) ? n : b), null);
        const ends = [nearest(path.getPointAtLength(0)).id, nearest(path.getPointAtLength(len)).id];
        let point = null;
        let through = null;
        for (let k = 0; k <= 90; k++) {
          const p = path.getPointAtLength((len * (5 + k)) / 100);
          if (!point) {
            // Whole pixels: the point where the pointer will go (WebDriver moves by whole pixels).
            const x = Math.round(m.a * p.x + m.c * p.y + m.e);
            const y = Math.round(m.b * p.x + m.d * p.y + m.f);
            if (document.elementFromPoint(x, y)?.closest('.xa-node,.xa-edge,.xa-node-label') === g) point = { x, y };
          }
          for (const n of nodes) {
            if (ends.includes(n.id)) continue;
            const d = Math.hypot(n.x - p.x, n.y - p.y);
            if (!through || d < through.d) through = { node: n.id, d };
          }
        }
        return { r: xaIds.index(g.id), id: g.id, point, through };
      });
    }, svg);
  }

  /** Moves the pointer to an empty corner of the page (outside graph, text and card). */
  async function pointerAway(page) {
    const vp = await viewport(page);
    const spot = await page.evaluate(({ w, h }) => {
      for (const [x, y] of [[4, 4], [w - 4, 4], [4, h - 4], [w - 4, h - 4]]) {
        const el = document.elementFromPoint(x, y);
        if (!el || !el.closest('svg, article, a, button, #' + xaIds.card)) return { x, y };
      }
      return null;
    }, { w: vp.width, h: vp.height });
    assert.ok(spot, 'an empty corner to move the pointer to');
    await page.mouse.move(spot.x, spot.y);
  }

  const caption = (page) => page.textContent('p.xa-graph-caption');

  // 1 ─────────────────────────────────────────────────────────────────────────────────────────
  test('graph data: every relation is an edge in both layouts and a table row; quotes verbatim; links to its sentence', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    const blocks = await sentences(page);
    const pageBlocks = await page.evaluate(() => [document.querySelector('article h1'), ...document.querySelectorAll('article > p')].map((el) => el.textContent));

    for (const svg of [WIDE, COMPACT]) {
      // The compact layout is fetched on narrow screens only: load the page again at phone width.
      if (svg === COMPACT) {
        await page.setViewportSize(PHONE.viewport);
        await load(page, origin);
      }
      const drawn = await page.evaluate((sel) => {
        const el = document.querySelector(sel);
        const nodeAt = new Map(
          [...el.querySelectorAll('g.xa-node')].map((g) => {
            const m = g.transform.baseVal.consolidate().matrix;
            const n = xaIds.index(g.id);
            return [+n, { x: m.e, y: m.f, id: g.id, label: g.getAttribute('aria-label'), text: document.getElementById(xaIds.as(g.id, 'label'))?.textContent }];
          }),
        );
        const closest = (p) => {
          let best = null;
          for (const [a, n] of nodeAt) {
            const d = Math.hypot(n.x - p.x, n.y - p.y);
            if (!best || d < best.d) best = { a, d };
          }
          return best;
        };
        const edges = [...el.querySelectorAll('g.xa-edge')].map((g) => {
          const line = g.querySelector('path.xa-edge-line');
          const len = line.getTotalLength();
          const marker = line.getAttribute('marker-end');
          const markerId = marker?.match(/^url\(#(.+)\)$/)?.[1];
          return {
            r: xaIds.index(g.id),
            id: g.id,
            cls: [...g.classList],
            role: g.getAttribute('role'),
            label: g.getAttribute('aria-label'),
            hit: !!g.querySelector('path.xa-edge-hit'),
            start: closest(line.getPointAtLength(0)),
            end: closest(line.getPointAtLength(len)),
            marker: markerId ? !!el.querySelector(`marker[id="${markerId}"]`) : marker ? 'dangling' : null,
          };
        });
        return { nodes: [...nodeAt].map(([a, n]) => ({ a, ...n })), edges };
      }, svg);

      // One node per actor in a relation, labelled with its short name.
      assert.deepEqual(sorted(drawn.nodes.map((n) => n.a)), E.graphActors, `${svg}: nodes are the actors that relations.toml names`);
      for (const n of drawn.nodes) {
        const actor = E.actors[n.a];
        assert.equal(n.id, nodeId(svg, n.a));
        assert.equal(n.text, actor.short, `${n.id}: visible label is ${actor.id}'s short name`);
        assert.ok(n.label?.startsWith(actor.short), `${n.id}: aria-label "${n.label}" starts with the visible label "${actor.short}"`);
      }
      // One edge per relation, of its type, between its two actors (from → to), arrowheads on directed types.
      assert.deepEqual(drawn.edges.map((e) => e.r).sort((a, b) => a - b), E.relations.map((r) => r.index), `${svg}: one edge per [[relation]]`);
      for (const e of drawn.edges) {
        const r = E.relations[e.r];
        assert.equal(e.id, edgeId(svg, e.r));
        assert.ok(e.cls.includes(`xa-rel-${r.type}`), `${e.id} (${r.id}) has class xa-rel-${r.type}: ${e.cls}`);
        assert.equal(e.role, 'button', `${e.id} role`);
        assert.equal(e.label, edgeLabel(r), `${e.id} aria-label`);
        assert.ok(e.hit, `${e.id} has a hit path`);
        assert.equal(e.start.a, r.fromIndex, `${e.id} (${r.id}) starts at ${r.from}'s node`);
        assert.equal(e.end.a, r.toIndex, `${e.id} (${r.id}) ends at ${r.to}'s node`);
        assert.ok(e.start.d < 15 && e.end.d < 15, `${e.id} (${r.id}) reaches both nodes: ${e.start.d.toFixed(1)}, ${e.end.d.toFixed(1)} from their centres`);
        assert.equal(e.marker, r.directed ? true : null, `${e.id} (${r.id}, ${r.type}): arrowhead ${r.directed ? 'expected (directed type)' : 'not expected (undirected type)'}`);
      }
    }

    // The table: a row per relation, in order, quoting verbatim and linking to the quote's sentence.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('details.xa-table-wrap table.xa-table tbody tr')].map((tr) => {
        const a = tr.querySelector('a[data-rel]');
        const href = a?.getAttribute('href') ?? '';
        const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
        return {
          cells: [...tr.cells].map((td) => td.textContent),
          quote: tr.querySelector('q')?.textContent ?? null,
          rel: a?.dataset.rel ?? null,
          link: a?.textContent ?? null,
          targetId: target?.id ?? null,
          targetIsSentence: !!target?.matches('span.xa-sent'),
        };
      }),
    );
    assert.equal(rows.length, E.relations.length, 'one table row per [[relation]]');
    E.relations.forEach((r, i) => {
      const row = rows[i];
      assert.equal(pageBlocks.filter((t) => t.includes(r.quote)).length, 1, `${r.id}: the quote occurs verbatim in the page's article text`);
      assert.equal(row.cells[0], E.actors[r.fromIndex].name, `row ${i}: who`);
      assert.equal(row.cells[1], r.label, `row ${i}: relation`);
      assert.equal(row.cells[2], E.actors[r.toIndex].name, `row ${i}: with whom`);
      assert.equal(row.quote, r.quote, `row ${i} (${r.id}): the quote, verbatim`);
      assert.equal(row.rel, String(i), `row ${i}: data-rel`);
      assert.equal(row.link, E.words.page.read_in_context);
      assert.ok(row.targetIsSentence, `row ${i} (${r.id}): the link points at a span.xa-sent (${row.targetId})`);
      const q = quoteAt(r);
      const span = blocks.flat().find((s) => s.id === row.targetId);
      assert.ok(
        span.block === q.block && span.start <= q.start && q.start < span.end,
        `row ${i} (${r.id}): the link's sentence ${row.targetId} "${span.text}" does not hold the start of the quote`,
      );
    });
  });

  // 2 ─────────────────────────────────────────────────────────────────────────────────────────
  test('graph hover: a node lights up exactly its actor’s mentions and edges, dims the rest; leaving clears', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    for (const actor of [busiest, quietest]) {
      const p = await nodePoint(page, WIDE, actor);
      await page.mouse.move(p.x, p.y);
      await waitHighlight(page, actor);
      assert.equal((await highlighted(page)).length, E.byActor.get(E.actors[actor].id).length, 'as many highlighted mentions as the text has');
      const s = await graphState(page, WIDE);
      const neighbours = neighboursOf(actor);
      assert.ok(s.dim, 'the graph dims');
      assert.deepEqual(s.emEdges, relationsOf(actor), `${E.actors[actor].id}: emphasised edges are its relations`);
      assert.deepEqual(s.emNodes, sorted([actor, ...neighbours]), `${E.actors[actor].id}: emphasised nodes are it and its partners`);
      // The others are visibly dimmed (after the short fade).
      const others = E.graphActors.filter((a) => a !== actor && !neighbours.has(a)).map((a) => nodeId(WIDE, a));
      assert.ok(others.length > 0);
      await page.waitForFunction(
        ({ others, self }) => {
          const opacity = (id) => parseFloat(getComputedStyle(document.getElementById(id)).opacity);
          return others.every((id) => opacity(id) < 0.5) && opacity(self) > 0.99;
        },
        { others, self: nodeId(WIDE, actor) },
        { timeout: 2000 },
      ).catch(async () => {
        const got = await page.evaluate((ids) => ids.map((id) => `${id} ${getComputedStyle(document.getElementById(id)).opacity}`), [nodeId(WIDE, actor), ...others]);
        assert.fail(`the hovered node should be opaque and the unrelated ones dimmed: ${got.join(', ')}`);
      });
      const n = relationsOf(actor).length;
      assert.equal(await caption(page), E.words.fill(E.words.count(E.words.app.caption_actor, n), { name: E.actors[actor].name }), 'caption');

      await pointerAway(page);
      await waitHighlight(page, null);
      assert.deepEqual(await graphState(page, WIDE), { dim: false, emNodes: [], emEdges: [], selNodes: [], selEdges: [] }, 'leaving the node clears the emphasis');
    }
  });

  // 3 ─────────────────────────────────────────────────────────────────────────────────────────
  test('graph hover: an edge lights up exactly the sentence(s) of its quote; the caption quotes it', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    const blocks = await sentences(page);
    // Every relation whose quote spans sentences, the first and last, and one of each type (among
    // the edges a pointer can reach at all: the layout tests report the others).
    const reachable = new Set((await edgeReach(page, WIDE)).filter((e) => e.point).map((e) => e.r));
    const ok = (r) => reachable.has(r.index);
    const spanning = E.relations.filter((r) => ok(r) && evidenceIds(blocks, r).length > 1);
    const pick = new Set([
      E.relations.find(ok).index,
      E.relations.findLast(ok).index,
      ...spanning.map((r) => r.index),
      ...types.map((t) => E.relations.find((r) => r.type === t && ok(r))?.index).filter((i) => i !== undefined),
    ]);
    for (const i of pick) {
      const r = E.relations[i];
      const p = await edgePoint(page, WIDE, i);
      assert.ok(p, `${edgeId(WIDE, i)} (${r.id}): some point of its line is not covered by nodes or other edges`);
      await page.mouse.move(p.x, p.y);
      await waitEvidence(page, evidenceIds(blocks, r));
      // The caption names the relation and sets the quote off as a quotation, verbatim and without
      // added quote marks (the edge's spoken name keeps them).
      assert.equal(await caption(page), `${relationName(r)}${r.quote}`, `${r.id}: caption`);
      assert.equal(await page.textContent('p.xa-graph-caption .xa-caption-quote'), r.quote, `${r.id}: caption quote`);
      const s = await graphState(page, WIDE);
      assert.deepEqual(s.emEdges, [i], `${r.id}: the hovered edge alone is emphasised`);
      assert.deepEqual(s.emNodes, sorted([r.fromIndex, r.toIndex]), `${r.id}: and its two actors`);
      await pointerAway(page);
      await waitEvidence(page, []);
    }
  });

  // 4 ─────────────────────────────────────────────────────────────────────────────────────────
  // The chart an editor drops into another story (README, "Embedding"), as in a WordPress frame.
  test('graph view (view=graph): the chart alone under the title and a link to the article, within 1000 px; its lines and nodes scroll to no text', { viewport: { width: 720, height: 600 } }, async ({ page, origin }) => {
    await page.goto(`${origin}/?view=graph`);
    await ready(page);
    const shown = () =>
      page.evaluate(() => {
        const on = (el) => !!el && el.getClientRects().length > 0;
        const link = document.querySelector('.xa-whole a');
        return {
          paragraphs: [...document.querySelectorAll('article p.xa-para')].filter(on).length,
          title: on(document.getElementById(xaIds.title)),
          link: on(link) ? link.href : null,
          linkText: link?.textContent,
          graph: on(document.querySelector('svg.xa-graph-wide')),
          legend: on(document.querySelector('.xa-legend')),
          table: on(document.querySelector('details.xa-table-wrap')),
          toolbar: on(document.querySelector('.xa-toolbar')),
          height: document.documentElement.getBoundingClientRect().height,
        };
      });
    const v = await shown();
    assert.equal(v.paragraphs, 0, 'no paragraph of the text shows');
    assert.ok(v.title && v.graph && v.legend && v.table, JSON.stringify(v));
    assert.equal(v.toolbar, false, 'no toolbar: it leads into the text');
    assert.equal(v.link, `${origin}/`, 'the link leads to the whole article');
    assert.equal(v.linkText, E.words.page.whole_article);
    assert.ok(v.height <= 1000, `the graph view is ${v.height} px tall at 720 px: it should fit WordPress's 1000 px frame`);
    // The graph snippet reserves about that much.
    const summary = await (await fetch(`${origin}/article.json`)).json();
    const reserved = Number(/data-xa-height="(\d+)"/.exec(summary.graph_snippet)?.[1]);
    assert.ok(summary.graph_snippet.includes('?view=graph'), summary.graph_snippet);
    assert.ok(Math.abs(reserved - v.height) <= 0.4 * v.height, `the graph snippet reserves ${reserved} px for ${Math.round(v.height)}`);

    // A line: selected, its quote under the graph, and nothing scrolls to a sentence it cannot show.
    const r = E.relations[E.relations.length - 1];
    const p = await edgePoint(page, WIDE, r.index);
    assert.ok(p, `${r.id}: a clickable point on its edge`);
    const before = await page.evaluate(() => scrollY);
    await page.mouse.click(p.x, p.y);
    await waitHash(page, `#relation=${r.id}`);
    await pointerAway(page);
    await page.waitForFunction((q) => document.getElementById(xaIds.captionQuote)?.textContent === q, r.quote, { timeout: 2000 });
    await settle(page);
    // (Firefox may move a focused line's box into view by a pixel.)
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - before) <= 2, 'the click scrolled the page');

    // A node: its card, in view, with no steps to mentions the view does not show.
    const actor = busiest;
    const n = await nodePoint(page, WIDE, actor);
    await page.mouse.click(n.x, n.y);
    await waitCard(page, E.actors[actor].name);
    await waitCardStill(page);
    const card = await page.evaluate(() => {
      const c = document.getElementById(xaIds.card);
      const r = c.getBoundingClientRect();
      const on = (el) => !!el && el.getClientRects().length > 0;
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, steps: on(c.querySelector('.xa-card-steps')), off: on(c.querySelector('.xa-card-off')) };
    });
    assert.ok(inViewport(card, await viewport(page)), `the card is at ${JSON.stringify(card)}`);
    assert.equal(card.steps, false, 'no steps to mentions');
    assert.equal(card.off, false, 'no "cards off": the switch to turn them on again is not shown');
  });

  test('graph click: an edge puts #relation= in the address and scrolls to its sentence; a node puts #actor= and opens its card at the node', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    const blocks = await sentences(page);
    const vp = await viewport(page);
    // The relation quoted furthest down the article, so that its sentence starts off screen.
    const r = [...E.relations].sort((a, b) => quoteAt(b).block - quoteAt(a).block || b.index - a.index)[0];
    const ev = evidenceIds(blocks, r);
    const sentenceBox = () => box(page, `#${ev[0]}`);
    assert.ok(!inViewport(await sentenceBox(), vp), `precondition: ${ev[0]} is off screen`);
    const p = await edgePoint(page, WIDE, r.index);
    assert.ok(p, `${r.id}: a clickable point on its edge`);
    await page.mouse.click(p.x, p.y);
    await waitHash(page, `#relation=${r.id}`);
    // The pointer previews whatever it is over; move it off the graph to see the selection alone.
    await pointerAway(page);
    await page.waitForFunction(
      (id) => {
        const b = document.getElementById(id).getBoundingClientRect();
        return b.top >= 0 && b.bottom <= document.documentElement.clientHeight;
      },
      ev[0],
      { timeout: 2000 },
    ).catch(async () => assert.fail(`${ev[0]} is not scrolled into view: ${JSON.stringify(await sentenceBox())}`));
    await waitEvidence(page, ev);
    for (const svg of await layouts(page)) assert.deepEqual((await graphState(page, svg)).selEdges, [r.index], `${svg}: the clicked edge is selected`);

    // A node: its actor in the address, its card next to it, listing its relations.
    const actor = busiest;
    const a = E.actors[actor];
    const n = await nodePoint(page, WIDE, actor);
    await page.mouse.click(n.x, n.y);
    await waitHash(page, `#actor=${a.id}`);
    await waitCard(page, a.name);
    await waitCardStill(page);
    assert.deepEqual((await graphState(page, WIDE)).selNodes, [actor], 'the clicked node is selected');
    assert.deepEqual((await graphState(page, WIDE)).selEdges, [], 'and no edge');
    assert.equal(await page.locator(`#${ID.card} .xa-card-rel-btn`).count(), relationsOf(actor).length, `${a.id}'s card lists its ${relationsOf(actor).length} relations`);
    const card = await box(page, `#${ID.card}`);
    const shape = await box(page, `#${nodeId(WIDE, actor)} .xa-shape`);
    assert.ok(inViewport(card, vp), `the card opened at the node should be inside the ${vp.width}×${vp.height} viewport; it is at ${JSON.stringify(card)} (inline style "${await page.getAttribute(`#${ID.card}`, "style")}": never placed)`);
    assert.ok(!intersects(card, shape), `the card ${JSON.stringify(card)} should not cover its node ${JSON.stringify(shape)}`);
    const gapY = Math.max(card.top - shape.bottom, shape.top - card.bottom);
    const gapX = Math.max(card.left - shape.right, shape.left - card.right);
    assert.ok(
      gapY <= 40 && gapX <= 0,
      `the card is not at its node: card ${JSON.stringify(card)}, node ${JSON.stringify(shape)} ` +
        `(vertical gap ${Math.round(gapY)} px, horizontal gap ${Math.round(gapX)} px; inline style "${await page.getAttribute(`#${ID.card}`, 'style')}")`,
    );
  });

  // 5 ─────────────────────────────────────────────────────────────────────────────────────────
  test('graph keyboard: Tab from the legend reaches the actors (one stop), then the lines (one stop), then leaves', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    await page.focus('.xa-legend li:last-child .xa-legend-btn');
    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const of = (cls) => (el?.classList.contains(cls) ? xaIds.index(el.id) : null);
        return { id: el?.id ?? '', node: of('xa-node'), edge: of('xa-edge'), tag: el?.tagName ?? '' };
      });
    await page.keyboard.press('Tab');
    const first = await active();
    assert.ok(
      first.node !== null,
      `Tab from the legend's last button should reach an actor node first (the graph's own label says "Tab reaches the actors, then the lines"); it reached ${first.id || first.tag}`,
    );
    assert.equal(first.id, nodeId(WIDE, E.graphActors[0]), 'the first actor node is the stop');
    await page.keyboard.press('Tab');
    const second = await active();
    assert.ok(second.edge !== null, `Tab from a node reaches an edge; it reached ${second.id || second.tag}`);
    assert.equal(second.id, edgeId(WIDE, 0), 'the first relation is the stop');
    await page.keyboard.press('Tab');
    const third = await active();
    assert.ok(third.node === null && third.edge === null, `one Tab stop for all the lines; Tab from an edge went to ${third.id || third.tag}`);
    await page.keyboard.press('Shift+Tab');
    assert.equal((await active()).id, edgeId(WIDE, 0), 'Shift+Tab returns to the edge');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await active()).id, nodeId(WIDE, E.graphActors[0]), 'Shift+Tab returns to the node');
  });

  test('graph keyboard: arrow keys reach every node (roving tabindex), step through edges; Enter selects an edge, Esc clears', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    const focusAndRead = (id, key) =>
      page.evaluate((id) => document.getElementById(id).focus(), id).then(async () => {
        await page.keyboard.press(key);
        return page.evaluate(() => (document.activeElement?.classList.contains('xa-node') ? xaIds.index(document.activeElement.id) : null));
      });
    // The node Tab lands on: exactly one node carries tabindex=0.
    const stops = () => page.evaluate((sel) => [...document.querySelectorAll(`${sel} g.xa-node[tabindex="0"]`)].map((g) => g.id), WIDE);
    const start = await stops();
    assert.equal(start.length, 1, `one node is the Tab stop: ${start}`);
    const startActor = ID.index(start[0]);
    // ArrowRight / ArrowDown from the first node move to another node.
    const moved = [];
    for (const key of ['ArrowRight', 'ArrowDown']) {
      const to = await focusAndRead(start[0], key);
      if (to !== null && +to !== startActor) moved.push(key);
      if (to !== null) assert.deepEqual(await stops(), [nodeId(WIDE, +to)], `${key}: the Tab stop follows the focus`);
    }
    assert.ok(moved.length > 0, 'ArrowRight or ArrowDown moves focus from the first node to another node');

    // Breadth-first over the four arrows from the first node: every node is reachable, and each
    // arrow goes the way it points (and stays put when there is no node that way).
    const at = await page.evaluate((sel) =>
      Object.fromEntries([...document.querySelectorAll(`${sel} g.xa-node`)].map((g) => {
        const m = g.transform.baseVal.consolidate().matrix;
        return [xaIds.index(g.id), { x: m.e, y: m.f }];
      })), WIDE);
    const ahead = { ArrowRight: (a, b) => b.x - a.x, ArrowLeft: (a, b) => a.x - b.x, ArrowDown: (a, b) => b.y - a.y, ArrowUp: (a, b) => a.y - b.y };
    const seen = new Set([startActor]);
    const queue = [startActor];
    while (queue.length) {
      const from = queue.shift();
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
        const to = await focusAndRead(nodeId(WIDE, from), key);
        assert.ok(to !== null, `${key} from ${nodeId(WIDE, from)} left the nodes (focus is not on a node)`);
        const somewhere = Object.values(at).some((p) => ahead[key](at[from], p) > 0);
        if (somewhere) {
          assert.ok(+to !== from && ahead[key](at[from], at[to]) > 0, `${key} from ${nodeId(WIDE, from)} ${JSON.stringify(at[from])} went to ${nodeId(WIDE, +to)} ${JSON.stringify(at[to])}`);
        } else {
          assert.equal(+to, from, `${key} from ${nodeId(WIDE, from)}: no node that way, focus stays`);
        }
        if (!seen.has(+to)) {
          seen.add(+to);
          queue.push(+to);
        }
      }
    }
    const missing = E.graphActors.filter((a) => !seen.has(a)).map((a) => E.actors[a].id);
    assert.deepEqual(missing, [], 'nodes no arrow-key path reaches from the first node');

    // Edges: arrows step through them in order, wrapping; Enter selects, Esc clears.
    const last = E.relations.length - 1;
    const edgeStop = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} g.xa-edge[tabindex="0"]`)].map((g) => g.id), WIDE);
    assert.deepEqual(edgeStop, [edgeId(WIDE, 0)], 'the first edge is the edges’ Tab stop');
    await page.focus(`#${edgeId(WIDE, 0)}`);
    const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (const [key, want] of [['ArrowRight', 1], ['ArrowRight', 2], ['ArrowLeft', 1], ['ArrowDown', 2], ['End', last], ['ArrowRight', 0], ['ArrowLeft', last], ['Home', 0], ['ArrowRight', 1]]) {
      await page.keyboard.press(key);
      assert.equal(await activeId(), edgeId(WIDE, want), `${key} moves to edge ${want}`);
    }
    const r = E.relations[1];
    await page.keyboard.press('Enter');
    await waitHash(page, `#relation=${r.id}`);
    const blocks = await sentences(page);
    const ev = evidenceIds(blocks, r);
    await waitEvidence(page, ev);
    const vp = await viewport(page);
    assert.ok(inViewport(await box(page, `#${ev[0]}`), vp), `Enter scrolled ${ev[0]} into view`);
    assert.deepEqual((await graphState(page, WIDE)).selEdges, [1], 'Enter selects the edge');
    assert.equal(await activeId(), edgeId(WIDE, 1), 'focus stays on the edge');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.xa-sel'), null, { timeout: 2000 });
    await waitHash(page, '');
    assert.ok(!(await page.evaluate(() => location.href)).includes('#'), 'no empty # left in the address');
  });

  test('graph keyboard: Enter on a node opens its card with focus inside; Esc closes it and returns focus to the node', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    const actor = busiest;
    const a = E.actors[actor];
    await page.focus(`#${nodeId(WIDE, actor)}`);
    await page.keyboard.press('Enter');
    await waitCard(page, a.name);
    await page.waitForFunction(() => !!document.activeElement?.closest('#' + xaIds.card), null, { timeout: 1000 });
    await waitHash(page, `#actor=${a.id}`);
    assert.equal(await page.locator(`#${ID.card} .xa-card-rel-btn`).count(), relationsOf(actor).length, 'the card lists the actor’s relations');
    await page.keyboard.press('Escape');
    await waitNoCard(page, 1000);
    await page.waitForFunction((id) => document.activeElement?.id === id, nodeId(WIDE, actor), { timeout: 1000 }).catch(async () =>
      assert.fail(`Esc in the card should return focus to ${nodeId(WIDE, actor)} (what opened it); focus is on "${await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)}"`),
    );
  });

  // 6 ─────────────────────────────────────────────────────────────────────────────────────────
  test('graph deep links: #actor= highlights and selects, #relation= marks and scrolls, a bogus hash does nothing, hashchange works', DESKTOP, async ({ page, origin }) => {
    const messages = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    const lula = picked;
    const lulaId = E.actors[lula].id;
    assert.ok(E.graphActors.includes(lula), `${lulaId} is an actor in the graph`);

    await page.goto(`${origin}/#actor=${lulaId}`);
    await ready(page);
    await waitHighlight(page, lula);
    for (const svg of await layouts(page)) {
      const s = await graphState(page, svg);
      assert.deepEqual(s.selNodes, [lula], `${svg}: ${lulaId}'s node is selected`);
      assert.ok(s.dim, `${svg}: the rest dims`);
    }
    assert.equal(await page.evaluate(() => location.hash), `#actor=${lulaId}`, 'the hash stays');

    // A relation quoted far down the article.
    const r = [...E.relations].sort((a, b) => quoteAt(b).block - quoteAt(a).block || a.index - b.index)[0];
    // (about:blank in between: a new hash on the same page would be a hashchange, not a load.)
    await page.goto('about:blank');
    await page.goto(`${origin}/#relation=${r.id}`);
    await ready(page);
    const blocks = await sentences(page);
    const ev = evidenceIds(blocks, r);
    await waitEvidence(page, ev);
    const vp = await viewport(page);
    assert.ok(inViewport(await box(page, `#${ev[0]}`), vp), `${ev[0]} is scrolled into view: ${JSON.stringify(await box(page, `#${ev[0]}`))}`);
    assert.deepEqual((await graphState(page, WIDE)).selEdges, [r.index], 'its edge is selected');

    // Nonsense changes nothing and logs nothing.
    await page.goto('about:blank');
    messages.length = 0;
    await page.goto(`${origin}/#actor=nobody`);
    await ready(page);
    await settle(page);
    assert.deepEqual(await highlighted(page), [], 'no mention highlighted');
    assert.deepEqual(evIds(await sentences(page)), [], 'no evidence sentence');
    for (const svg of await layouts(page)) {
      assert.deepEqual(await graphState(page, svg), { dim: false, emNodes: [], emEdges: [], selNodes: [], selEdges: [] }, `${svg}: nothing emphasised`);
    }
    assert.equal(await page.evaluate(() => scrollY), 0, 'no scrolling');
    assert.equal(await page.evaluate(() => location.hash), '#actor=nobody', 'the hash is left alone');
    assert.deepEqual(messages, [], 'console messages on a bogus hash');

    // The address changes while the page is open (hashchange).
    await page.evaluate((id) => (location.hash = `#actor=${id}`), lulaId);
    await waitHighlight(page, lula);
    assert.deepEqual((await graphState(page, WIDE)).selNodes, [lula], 'hashchange selects the node');
    await page.evaluate((id) => (location.hash = `#relation=${id}`), r.id);
    await waitEvidence(page, ev);
    assert.deepEqual((await graphState(page, WIDE)).selEdges, [r.index], 'hashchange selects the edge');
    assert.deepEqual(messages, [], 'console messages');
  });

  test('graph deep link at 375px: #actor= brings the actor’s node into view', PHONE, async ({ page, origin }) => {
    const lula = picked;
    await page.goto(`${origin}/#actor=${E.actors[lula].id}`);
    await ready(page);
    await waitHighlight(page, lula);
    assert.deepEqual((await graphState(page, COMPACT)).selNodes, [lula], `${E.actors[lula].id} is selected`);
    const vp = await viewport(page);
    const node = await box(page, `#${nodeId(COMPACT, lula)} .xa-shape`);
    assert.ok(inViewport(node, vp), `the selected node ${nodeId(COMPACT, lula)} ${JSON.stringify(node)} is not in the ${vp.width}×${vp.height} viewport (scrollY ${await page.evaluate(() => scrollY)})`);
  });

  test('graph with cards=0: no card opens anywhere, not from a name, a node, Enter or a deep link; the graph still selects', DESKTOP, async ({ page, origin }) => {
    const actor = picked;
    const a = E.actors[actor];
    await page.goto(`${origin}/?cards=0#actor=${a.id}`);
    await ready(page);
    assert.equal(await page.locator('article a.xa-mention').count(), 0, 'names are plain text');
    // A click on a node selects it (the graph's own state) but opens no card.
    const p = await nodePoint(page, WIDE, actor);
    await page.mouse.click(p.x, p.y);
    await waitHash(page, `#actor=${a.id}`);
    await page.keyboard.press('Enter');
    await page.focus(`#${nodeId(WIDE, actor)}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    // Hovering the text where a name was, and Tab through the page.
    const para = await box(page, 'article p.xa-para');
    await page.mouse.move(para.left + 20, para.top + 10);
    for (let k = 0; k < 6; k++) await page.keyboard.press('Tab');
    // Time is the behaviour: well past the intent delay, nothing has opened.
    await page.waitForTimeout(500);
    assert.equal(await cardName(page), null, 'no card with cards=0');
    assert.equal(await page.locator(`#${ID.card}`).count(), 0);
    assert.deepEqual((await graphState(page, WIDE)).selNodes, [actor], 'the node is selected');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored');
  });

  // 7 ─────────────────────────────────────────────────────────────────────────────────────────
  test('graph legend: each type’s button hides its edges in both layouts and shows them again', PHONE, async ({ page, origin }) => {
    await load(page, origin);
    const count = (type) => E.relations.filter((r) => r.type === type).length;
    const counts = () =>
      page.evaluate(
        ({ svgs, types }) => Object.fromEntries(svgs.flatMap((s) => types.map((t) => [`${s} ${t}`, [...document.querySelectorAll(`${s} g.xa-edge.xa-rel-${t}`)].filter((g) => getComputedStyle(g).display !== 'none').length]))),
        { svgs, types },
      );
    const svgs = await layouts(page);
    assert.deepEqual(svgs, [WIDE, COMPACT], 'at phone width both layouts are in the page');
    const full = Object.fromEntries(svgs.flatMap((s) => types.map((t) => [`${s} ${t}`, count(t)])));
    assert.deepEqual(await counts(), full, 'edges shown per type, as relations.toml has them');
    const buttons = await page.evaluate(() => [...document.querySelectorAll('ul.xa-legend button.xa-legend-btn')].map((b) => b.className));
    assert.equal(buttons.length, types.length, `one legend button per type in relations.toml: ${buttons}`);
    const edgeStop = () => page.evaluate((sel) => [...document.querySelectorAll(`${sel} g.xa-edge[tabindex="0"]`)].length, WIDE);

    for (const type of types) {
      const btn = `ul.xa-legend button.xa-legend-btn.xa-rel-${type}`;
      assert.equal(await page.getAttribute(btn, 'aria-pressed'), 'true', `${type}: pressed at first`);
      assert.equal((await page.textContent(`${btn} .xa-legend-n`)).trim(), String(count(type)), `${type}: the count in the legend`);
      await page.click(btn);
      await page.waitForFunction((b) => document.querySelector(b).getAttribute('aria-pressed') === 'false', btn, { timeout: 2000 });
      const hidden = { ...full, ...Object.fromEntries(svgs.map((s) => [`${s} ${type}`, 0])) };
      assert.deepEqual(await counts(), hidden, `${type} hidden: only its edges are gone`);
      assert.equal(await edgeStop(), 1, `${type} hidden: a visible edge is still the Tab stop`);
      await page.click(btn);
      await page.waitForFunction((b) => document.querySelector(b).getAttribute('aria-pressed') === 'true', btn, { timeout: 2000 });
      assert.deepEqual(await counts(), full, `${type} shown again`);
    }
  });

  // 8 ─────────────────────────────────────────────────────────────────────────────────────────
  /** Focuses the first mention of `actor` in the text and waits for its card. */
  async function openCardFromMention(page, actor) {
    const m = mentionIds(actor)[0];
    // Focus that is already on the mention (returned there by Esc) would not open the card again.
    await page.evaluate(() => document.activeElement?.blur());
    await page.focus(`#${m}`);
    await waitCard(page, E.actors[actor].name);
    await waitCardStill(page);
    return m;
  }

  test('graph from a card: “Show in the graph” selects and focuses the actor’s node and sets #actor=', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    const actor = busiest;
    const a = E.actors[actor];
    await openCardFromMention(page, actor);
    const quotes = await page.evaluate(() => [...document.querySelectorAll(`#${xaIds.card} .xa-card-rel-btn .xa-card-rel-quote`)].map((q) => q.textContent));
    assert.deepEqual(quotes, relationsOf(actor).map((r) => E.relations[r].quote), `${a.id}'s card lists its relations, in order, quoted verbatim`);
    await page.click(`#${ID.card} .xa-card-link`);
    await waitHash(page, `#actor=${a.id}`);
    await page.waitForFunction((id) => document.getElementById(id).classList.contains('xa-sel'), nodeId(WIDE, actor), { timeout: 2000 });
    await waitHighlight(page, actor);
    await page.waitForFunction((id) => document.activeElement?.id === id, nodeId(WIDE, actor), { timeout: 1000 }).catch(async () =>
      assert.fail(`“Show in the graph” should move focus to ${nodeId(WIDE, actor)}; focus is on "${await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)}"`),
    );
  });

  test('graph from a card: a relation in the card marks its sentence and sets #relation=', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    const blocks = await sentences(page);
    const actor = busiest;
    const list = relationsOf(actor);
    for (const k of [0, list.length - 1]) {
      const r = E.relations[list[k]];
      await openCardFromMention(page, actor);
      await page.locator(`#${ID.card} .xa-card-rel-btn`).nth(k).click();
      await waitHash(page, `#relation=${r.id}`);
      const ev = evidenceIds(blocks, r);
      await waitEvidence(page, ev);
      assert.deepEqual((await graphState(page, WIDE)).selEdges, [r.index], `${r.id}: its edge is selected`);
      const vp = await viewport(page);
      await page.waitForFunction((id) => {
        const b = document.getElementById(id).getBoundingClientRect();
        return b.top >= 0 && b.bottom <= document.documentElement.clientHeight;
      }, ev[0], { timeout: 2000 }).catch(async () => assert.fail(`${ev[0]} not in view: ${JSON.stringify(await box(page, `#${ev[0]}`))} in ${JSON.stringify(vp)}`));
      await page.keyboard.press('Escape');
      await waitNoCard(page, 1000);
    }
  });

  // 9 ─────────────────────────────────────────────────────────────────────────────────────────
  // A graph is drawn at the size it was laid out for (small for few actors), or shrunk to its
  // column when that is narrower; centred in its column either way.
  for (const [width, height] of [[1280, 800], [320, 640]]) {
    const svg = svgFor(width);
    test(`graph size at ${width}px: the ${svg === WIDE ? 'wide' : 'compact'} graph is drawn at its own size or its column's, centred`, { viewport: { width, height } }, async ({ page, origin }) => {
      await load(page, origin);
      const got = await page.evaluate((sel) => {
        const el = document.querySelector(sel);
        const column = el.parentElement;
        const style = getComputedStyle(column);
        const c = column.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        // The column's content box: inside its border and padding, and left of a scrollbar.
        const inner = column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const start = c.left + column.clientLeft + parseFloat(style.paddingLeft);
        return { own: +el.getAttribute('width'), drawn: r.width, left: r.left - start, right: start + inner - r.right, column: inner };
      }, svg);
      const want = Math.min(got.own, got.column);
      assert.ok(Math.abs(got.drawn - want) <= 1, `drawn ${got.drawn.toFixed(1)} px wide; expected ${want} (its own ${got.own}, the column ${got.column.toFixed(1)})`);
      assert.ok(Math.abs(got.left - got.right) <= 1, `centred: ${got.left.toFixed(1)} px left, ${got.right.toFixed(1)} px right`);
    });
  }

  for (const [width, height] of [[1280, 800], [375, 812]]) {
    const svg = svgFor(width);
    test(`graph layout at ${width}px: ${svg === WIDE ? 'wide' : 'compact'} nodes and labels apart and inside, sized before interaction, no layout shift`, { viewport: { width, height } }, async ({ page, origin }) => {
      await page.addInitScript(observeLayoutShift);
      await load(page, origin);
      const got = await page.evaluate(
        ({ shown, other }) => {
          const el = document.querySelector(shown);
          const rect = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
          const vb = el.viewBox.baseVal;
          return {
            width: el.getAttribute('width'),
            height: el.getAttribute('height'),
            viewBox: [vb.x, vb.y, vb.width, vb.height],
            box: rect(el.getBoundingClientRect()),
            otherShown: (document.querySelector(other)?.getClientRects().length ?? 0) > 0,
            nodes: [...el.querySelectorAll('g.xa-node')].map((g) => ({
              id: g.id,
              shape: rect(g.querySelector('.xa-shape').getBoundingClientRect()),
              label: rect(document.getElementById(xaIds.as(g.id, 'label')).getBoundingClientRect()),
            })),
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
          };
        },
        { shown: svg, other: svg === WIDE ? COMPACT : WIDE },
      );
      assert.ok(!got.otherShown, 'only one layout is shown');
      // Sized from the markup alone: width/height attributes matching the viewBox, and the box keeps that ratio.
      assert.ok(+got.width > 0 && +got.height > 0, `width/height attributes: ${got.width}×${got.height}`);
      assert.deepEqual(got.viewBox, [0, 0, +got.width, +got.height], 'viewBox matches width/height');
      const w = got.box.right - got.box.left;
      const h = got.box.bottom - got.box.top;
      assert.ok(w > 0 && Math.abs(h / w - got.height / got.width) < 0.01, `the SVG's box ${w}×${h} keeps the ${got.width}×${got.height} ratio`);
      assert.ok(got.box.right <= got.clientWidth + 0.5 && got.box.left >= -0.5, `the SVG fits the page width: ${JSON.stringify(got.box)}`);
      assert.ok(got.scrollWidth <= got.clientWidth, `no horizontal scroll: ${got.scrollWidth} > ${got.clientWidth}`);
      assert.equal(got.nodes.length, E.graphActors.length);
      const union = (a, b) => ({ left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) });
      const boxes = got.nodes.map((n) => ({ id: n.id, r: union(n.shape, n.label) }));
      const problems = [];
      for (const { id, r } of boxes) {
        if (r.left < got.box.left - 0.5 || r.top < got.box.top - 0.5 || r.right > got.box.right + 0.5 || r.bottom > got.box.bottom + 0.5) {
          problems.push(`${id} ${JSON.stringify(r)} sticks out of the SVG ${JSON.stringify(got.box)}`);
        }
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          if (intersects(boxes[i].r, boxes[j].r, 2)) problems.push(`${boxes[i].id} overlaps ${boxes[j].id}: ${JSON.stringify(boxes[i].r)} / ${JSON.stringify(boxes[j].r)}`);
        }
      }
      assert.deepEqual(problems, [], 'node boxes (shape + label)');
      await settle(page);
      const shift = await page.evaluate(() => window.__shift);
      assert.equal(shift.total, 0, `layout shift while loading: ${JSON.stringify(shift.entries)}`);
    });

    test(`graph layout at ${width}px: every ${svg === WIDE ? 'wide' : 'compact'} edge can be pointed at, and none runs through another actor’s mark`, { viewport: { width, height } }, async ({ page, origin }) => {
      await load(page, origin);
      const reach = await edgeReach(page, svg);
      const name = (e) => `${e.id} (${E.relations[e.r].id}: ${relationName(E.relations[e.r])})`;
      const label = (id) => E.actors[ID.index(id)].short;
      const hidden = reach.filter((e) => !e.point).map((e) => `${name(e)} is covered along its whole line; a pointer cannot reach it`);
      const through = reach
        .filter((e) => e.through && e.through.d < 9)
        .map((e) => `${name(e)} passes ${e.through.d.toFixed(1)} units from the centre of ${e.through.node} (${label(e.through.node)}), through its mark`);
      assert.deepEqual([...hidden, ...through], [], `${svg}: edges`);
    });
  }

  test('graph figure at 1280×800: the figure beside the text fits the viewport while the text scrolls', DESKTOP, async ({ page, origin }) => {
    await load(page, origin);
    // Open the table so the figure has more than a screenful to scroll through.
    await page.click('details.xa-table-wrap > summary');
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 3, behavior: 'instant' }));
    await settle(page);
    const vp = await viewport(page);
    const fig = await box(page, 'section.xa-figure');
    assert.ok(fig.top >= -0.5 && fig.top <= 1, `precondition: the figure is stuck at the top of the viewport: ${JSON.stringify(fig)}`);
    // Scrolled to its own end, the figure's last row of the table must be on screen.
    await page.evaluate(() => {
      const f = document.querySelector('section.xa-figure');
      f.scrollTop = f.scrollHeight;
    });
    await settle(page);
    const lastRow = await box(page, 'table.xa-table tbody tr:last-child');
    assert.ok(
      fig.bottom <= vp.height + 0.5 && lastRow.bottom <= vp.height + 0.5,
      `the sticky figure is ${Math.round(fig.height)} px tall in a ${vp.height} px viewport (bottom at ${Math.round(fig.bottom)}); ` +
        `scrolled to its end, its last table row still ends at ${Math.round(lastRow.bottom)} px, below the viewport`,
    );
  });

  // 10 ────────────────────────────────────────────────────────────────────────────────────────
  test('graph touch at 375px: tapping a node opens its actor’s card in view; tapping an edge sets #relation=', TOUCH, async ({ page, origin }) => {
    await load(page, origin);
    const vp = await viewport(page);
    const actor = picked;
    const a = E.actors[actor];
    const n = await nodePoint(page, COMPACT, actor);
    await tap(page, n.x, n.y);
    await waitCard(page, a.name);
    await waitHash(page, `#actor=${a.id}`);
    await waitCardStill(page);
    const card = await box(page, `#${ID.card}`);
    const cardInView = inViewport(card, vp);
    await page.keyboard.press('Escape');
    await waitNoCard(page, 1000);

    // An edge: the first of the actor's relations whose line a finger can reach.
    let tapped = null;
    for (const i of relationsOf(actor)) {
      const p = await edgePoint(page, COMPACT, i, 3);
      if (p) {
        tapped = E.relations[i];
        await tap(page, p.x, p.y);
        break;
      }
    }
    assert.ok(tapped, 'a tappable edge');
    await waitHash(page, `#relation=${tapped.id}`);
    assert.deepEqual((await graphState(page, COMPACT)).selEdges, [tapped.index]);
    assert.equal(await cardName(page), null, 'tapping an edge opens no card');
    assert.ok(cardInView, `the card opened by tapping ${nodeId(COMPACT, actor)} is not in the ${vp.width}×${vp.height} viewport: ${JSON.stringify(card)}`);
  });

  // 11 ────────────────────────────────────────────────────────────────────────────────────────
  for (const { name, options } of [
    { name: 'light', options: { ...DESKTOP, colorScheme: 'light' } },
    { name: 'dark', options: { ...DESKTOP, colorScheme: 'dark' } },
    { name: '375px', options: { ...PHONE, colorScheme: 'light' } },
  ]) {
    test(`graph accessibility (${name}): axe WCAG 2.2 AA with the graph, with a node selected`, options, async ({ page, origin }) => {
      await load(page, origin);
      const svg = svgFor(options.viewport.width);
      const plain = await runAxe(page, axeSource, WCAG_TAGS);
      const actor = busiest;
      const p = await nodePoint(page, svg, actor);
      await page.mouse.click(p.x, p.y);
      await waitHash(page, `#actor=${E.actors[actor].id}`);
      await waitCard(page, E.actors[actor].name);
      await waitCardStill(page);
      await page.waitForFunction((sel) => document.querySelector(sel).getAnimations({ subtree: true }).length === 0, svg);
      const selected = await runAxe(page, axeSource, WCAG_TAGS);
      const problems = [];
      if (plain.length) problems.push(`graph:\n    ${formatViolations(plain)}`);
      if (selected.length) problems.push(`node selected:\n    ${formatViolations(selected)}`);
      assert.equal(problems.length, 0, `axe violations (${name}):\n  ${problems.join('\n  ')}`);
    });
  }

  // 12 ────────────────────────────────────────────────────────────────────────────────────────
  for (const scheme of ['light', 'dark']) {
    test(`screenshot graph 1280×800 ${scheme} with a node hovered`, { ...DESKTOP, colorScheme: scheme }, async ({ page, origin }) => {
      await load(page, origin);
      const p = await nodePoint(page, WIDE, busiest);
      await page.mouse.move(p.x, p.y);
      await waitHighlight(page, busiest);
      await page.waitForFunction((sel) => document.querySelector(sel).getAnimations({ subtree: true }).length === 0, WIDE);
      await screenshot(page, join(outDir, `graph-1280x800-${scheme}-hover.png`));
      await screenshot(page, join(outDir, `graph-wide-${scheme}-hover.png`), WIDE);
    });
  }

  test('screenshot graph 375×812 compact with an edge selected', PHONE, async ({ page, origin }) => {
    await load(page, origin);
    const r = E.relations[relationsOf(busiest)[0]];
    const p = await edgePoint(page, COMPACT, r.index);
    assert.ok(p, 'a clickable point on the edge');
    await page.mouse.click(p.x, p.y);
    await waitHash(page, `#relation=${r.id}`);
    await pointerAway(page);
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'start', behavior: 'instant' }), COMPACT);
    await page.waitForFunction((sel) => document.querySelector(sel).getAnimations({ subtree: true }).length === 0, COMPACT);
    await screenshot(page, join(outDir, `graph-375x812-edge-selected.png`));
    await screenshot(page, join(outDir, `graph-compact-375-edge-selected.png`), 'section.xa-figure');
  });

  test('screenshot graph 320×640 compact', { viewport: { width: 320, height: 640 } }, async ({ page, origin }) => {
    await load(page, origin);
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'start', behavior: 'instant' }), COMPACT);
    await settle(page);
    await screenshot(page, join(outDir, `graph-320x640.png`));
    await screenshot(page, join(outDir, `graph-compact-320.png`), COMPACT);
  });
}
