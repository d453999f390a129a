// What the benchmark's scripts share (bench.mjs, boot-compare.mjs).

/** A desktop reader: the viewport the boot and card figures are measured in. */
export const DESKTOP = { viewport: { width: 1280, height: 800 }, colorScheme: 'light', ignoreHTTPSErrors: true };

/** The median of the finite values (NaN when there are none). */
export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
