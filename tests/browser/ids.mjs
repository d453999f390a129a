// The page's element ids, as the model defines them (model/src/ids.rs). The tests never spell an
// id by hand: they ask `rig contract` for the families and fill them here, so renaming an id in
// Rust changes the tests with it, and a test that still passes proves the page kept its contract.

import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RIG = process.env.XA_RIG ?? join(ROOT, 'target', 'release', 'rig');

/** `{ layouts: {wide, compact}, families: {mention: "xa-m-{}", …}, fixed: {card: "xa-card", …} }` */
export const CONTRACT = JSON.parse(execFileSync(RIG, ['contract'], { encoding: 'utf8' }));

/** Builds the id helpers from a contract. Self-contained so that it also runs inside pages
 * (see `IN_PAGE`): `fill`, the families by name, and `index(id)`: the number an id ends with. */
export function makeIds(contract) {
  const fill = (family, values) => {
    const template = contract.families[family];
    if (!template) throw new Error(`no id family "${family}" in the contract`);
    return template.replace(/\{(\w*)\}/g, (_, key) => {
      const value = key === 'layout' ? contract.layouts[values.layout] : values[key || 'n'];
      if (value === undefined) throw new Error(`id family "${family}" needs "${key || 'n'}"`);
      return String(value);
    });
  };
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = Object.entries(contract.families)
    .filter(([, t]) => t.includes('{}'))
    .map(([family, t]) => {
      const source = t
        .split(/(\{\w*\})/)
        .map((part) =>
          part === '{}' ? '(\\d+)' : part === '{layout}' ? `(${Object.values(contract.layouts).map(escape).join('|')})` : /^\{\w+\}$/.test(part) ? '[^-]+' : escape(part),
        )
        .join('');
      return { family, re: new RegExp(`^${source}$`), layoutFirst: t.indexOf('{layout}') >= 0 && t.indexOf('{layout}') < t.indexOf('{}') };
    });
  const layoutByTag = Object.fromEntries(Object.entries(contract.layouts).map(([k, v]) => [v, k]));
  /** `{ family, n, layout }` for an id of a numbered family, or null. */
  const parse = (id) => {
    for (const { family, re, layoutFirst } of patterns) {
      const m = re.exec(id ?? '');
      if (!m) continue;
      const groups = m.slice(1);
      const layout = groups.length === 2 ? layoutByTag[groups[layoutFirst ? 0 : 1]] : undefined;
      return { family, n: +groups[groups.length === 2 && layoutFirst ? 1 : 0], layout };
    }
    return null;
  };
  return {
    ...contract.fixed,
    fill,
    parse,
    /** The number an id ends with (a mention's, node's or edge's index); NaN for other ids. */
    index: (id) => parse(id)?.n ?? NaN,
    /** The id of the same layout and number in another family: `as('xa-n-w-3', 'label')`. */
    as: (id, family) => {
      const p = parse(id);
      if (!p) throw new Error(`"${id}" is not a numbered id`);
      return fill(family, { layout: p.layout, n: p.n });
    },
    mention: (n) => fill('mention', { n }),
    sentence: (n) => fill('sentence', { n }),
    node: (layout, n) => fill('node', { layout, n }),
    edge: (layout, n) => fill('edge', { layout, n }),
    label: (layout, n) => fill('label', { layout, n }),
    graph: (layout) => fill('graph', { layout }),
    legend: (kind) => fill('legend', { kind }),
  };
}

export const ID = makeIds(CONTRACT);

/** For `addInitScript`: the same helpers as `window.xaIds` in every page. */
export const IN_PAGE = { content: `window.xaIds = (${makeIds.toString()})(${JSON.stringify(CONTRACT)});` };
