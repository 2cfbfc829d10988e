/**
 * Per-class precision, recall and F1 from a confusion matrix (rows actual, columns
 * predicted), and their macro averages, as Weka and scikit-learn report them. A class
 * never predicted has precision 0 (not NaN), as scikit-learn's zero_division=0.
 *
 * The macro averages are over the classes present in the split (support > 0), as
 * scikit-learn's classification_report averages over the labels it sees: a class with no
 * test rows has no recall to speak of, and counting it as 0 would drag the average down
 * (penguins' split read 0.627 where its present classes scored about 0.94). The absent
 * classes are listed, so the table can name them.
 */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Rows of this class. */
  support: number;
  /** Rows the model read as this class. */
  predicted: number;
}

export interface ClassReport {
  perClass: ClassMetrics[];
  /** Means over the classes present (support > 0); 0 when none is. */
  macro: Omit<ClassMetrics, 'support' | 'predicted'>;
  /** Class ids with no rows in the split, left out of the macro averages. */
  absent: number[];
  /** Class ids with rows that the model never predicted (recall 0): a sign of imbalance. */
  neverPredicted: number[];
}

export function classMetrics(confusion: number[][]): ClassReport {
  const k = confusion.length;
  const perClass = confusion.map((row, c) => {
    const tp = row[c];
    const support = row.reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let r = 0; r < k; r++) predicted += confusion[r][c];
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, support, predicted };
  });
  const present = perClass.filter((m) => m.support > 0);
  const mean = (f: (m: ClassMetrics) => number) => (present.length > 0 ? present.reduce((a, m) => a + f(m), 0) / present.length : 0);
  const ids = (keep: (m: ClassMetrics) => boolean) => perClass.flatMap((m, c) => (keep(m) ? [c] : []));
  return {
    perClass,
    macro: { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1) },
    absent: ids((m) => m.support === 0),
    neverPredicted: ids((m) => m.support > 0 && m.predicted === 0),
  };
}
