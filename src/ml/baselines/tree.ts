/**
 * One CART classification tree of a random forest, as Breiman's forest and
 * scikit-learn's RandomForestClassifier grow it: Gini impurity, each split chosen among
 * a fresh random subset of the features (more are tried when none of them can split
 * the node), grown until its leaves are pure or too small to split, each leaf holding
 * its class shares. Splits are found on binned features (bins.ts): a node's rows are
 * counted per bin and class once per feature tried, and the best cut is one scan over
 * the bins, so a level of the tree costs O(rows x features tried).
 */
import type { Binned } from './bins';

export interface TreeOptions {
  /** Features tried per split (scikit-learn's max_features; sqrt of the inputs there). */
  featuresPerSplit: number;
  maxDepth: number;
  /** A node of fewer than 2 x minLeaf rows is a leaf. */
  minLeaf: number;
}

/** Nodes in flat arrays; node 0 is the root. */
export interface Tree {
  /** Split feature, or -1 for a leaf. */
  feature: Int32Array;
  /** A row goes left when its bin of `feature` is <= this. */
  bin: Int32Array;
  left: Int32Array;
  right: Int32Array;
  /** A leaf's class shares start at leafOffset[node] * classes in `shares`. */
  leafOffset: Int32Array;
  shares: Float32Array;
  classes: number;
}

/**
 * Grows a tree on the rows `bag` (indices into `data`, repeats allowed: a bootstrap
 * sample) with labels [rows] in [0, classes). binsPerFeature[f]: how many bins feature f has.
 */
export function growTree(
  data: Binned,
  featureCount: number,
  binsPerFeature: Int32Array,
  labels: Int32Array,
  classes: number,
  bag: Int32Array,
  options: TreeOptions,
  random: () => number,
): Tree {
  const rows = bag.slice();
  const feature: number[] = [];
  const splitBin: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const leafOffset: number[] = [];
  const shares: number[] = [];
  const maxBins = Math.max(...binsPerFeature);
  // Zero between uses: each feature clears the bins it filled.
  const histogram = new Int32Array(maxBins * classes);
  // Rows per bin, so the scan skips a small node's empty bins without reading their classes.
  const binRows = new Int32Array(maxBins);
  const counts = new Int32Array(classes);
  const leftCounts = new Int32Array(classes);
  const order = new Int32Array(featureCount);
  for (let f = 0; f < featureCount; f++) order[f] = f;
  const bins = data.bins;

  const newNode = (): number => {
    feature.push(-1);
    splitBin.push(0);
    left.push(-1);
    right.push(-1);
    leafOffset.push(-1);
    return feature.length - 1;
  };
  const makeLeaf = (node: number, n: number) => {
    leafOffset[node] = shares.length / classes;
    for (let c = 0; c < classes; c++) shares.push(counts[c] / n);
  };

  // Depth-first with an explicit stack: [node, start, end, depth].
  const stack: number[][] = [[newNode(), 0, rows.length, 0]];
  while (stack.length > 0) {
    const [node, start, end, depth] = stack.pop()!;
    const n = end - start;
    counts.fill(0);
    for (let i = start; i < end; i++) counts[labels[rows[i]]]++;
    let pure = false;
    for (let c = 0; c < classes; c++) if (counts[c] === n) pure = true;
    if (pure || depth >= options.maxDepth || n < 2 * options.minLeaf) {
      makeLeaf(node, n);
      continue;
    }
    // Split quality: sum over both sides of (sum of squared class counts) / side rows;
    // the larger, the lower the weighted Gini impurity.
    let bestScore = -Infinity;
    let bestFeature = -1;
    let bestBin = 0;
    let tried = 0;
    for (let k = 0; k < featureCount; k++) {
      if (tried >= options.featuresPerSplit && bestFeature >= 0) break;
      // A partial Fisher-Yates shuffle draws the features in a random order.
      const j = k + Math.floor(random() * (featureCount - k));
      const f = order[j];
      order[j] = order[k];
      order[k] = f;
      tried++;
      const nb = binsPerFeature[f];
      if (nb < 2) continue;
      // Count the node's rows per bin and class, and the range of bins they fill.
      let lo = nb;
      let hi = -1;
      for (let i = start; i < end; i++) {
        const r = rows[i];
        const b = bins[r * featureCount + f];
        histogram[b * classes + labels[r]]++;
        binRows[b]++;
        if (b < lo) lo = b;
        if (b > hi) hi = b;
      }
      leftCounts.fill(0);
      let leftN = 0;
      for (let b = lo; b < hi; b++) {
        const added = binRows[b];
        if (added === 0) continue;
        for (let c = 0; c < classes; c++) leftCounts[c] += histogram[b * classes + c];
        leftN += added;
        const rightN = n - leftN;
        if (rightN < options.minLeaf) break;
        if (leftN < options.minLeaf) continue;
        let sl = 0;
        let sr = 0;
        for (let c = 0; c < classes; c++) {
          const l = leftCounts[c];
          const rr = counts[c] - l;
          sl += l * l;
          sr += rr * rr;
        }
        const score = sl / leftN + sr / rightN;
        if (score > bestScore) {
          bestScore = score;
          bestFeature = f;
          bestBin = b;
        }
      }
      // Leave the histogram zeroed for the next feature: only the filled range needs it.
      histogram.fill(0, lo * classes, (hi + 1) * classes);
      binRows.fill(0, lo, hi + 1);
    }
    if (bestFeature < 0) {
      // Every feature is constant over these rows: nothing can split them.
      makeLeaf(node, n);
      continue;
    }
    // Partition rows[start, end): bin <= bestBin to the front.
    let i = start;
    let k = end - 1;
    while (i <= k) {
      if (bins[rows[i] * featureCount + bestFeature] <= bestBin) {
        i++;
      } else {
        const t = rows[i];
        rows[i] = rows[k];
        rows[k] = t;
        k--;
      }
    }
    feature[node] = bestFeature;
    splitBin[node] = bestBin;
    const l = newNode();
    const r = newNode();
    left[node] = l;
    right[node] = r;
    stack.push([r, i, end, depth + 1], [l, start, i, depth + 1]);
  }
  return {
    feature: Int32Array.from(feature),
    bin: Int32Array.from(splitBin),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    leafOffset: Int32Array.from(leafOffset),
    shares: Float32Array.from(shares),
    classes,
  };
}

/** Adds the class shares of the leaf row `r` of `data` falls in to out[o .. o + classes). */
export function addLeafShares(tree: Tree, data: Binned, featureCount: number, r: number, out: Float64Array, o: number): void {
  let node = 0;
  while (tree.feature[node] >= 0) {
    node = data.bins[r * featureCount + tree.feature[node]] <= tree.bin[node] ? tree.left[node] : tree.right[node];
  }
  const from = tree.leafOffset[node] * tree.classes;
  for (let c = 0; c < tree.classes; c++) out[o + c] += tree.shares[from + c];
}
