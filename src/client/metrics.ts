/**
 * Per-class precision, recall and F1 from a confusion matrix (rows actual, columns
 * predicted), and their macro averages, as Weka and scikit-learn report them. A class
 * never predicted has precision 0 (not NaN), as scikit-learn's zero_division=0.
 */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  /** Rows of this class. */
  support: number;
}

export function classMetrics(confusion: number[][]): { perClass: ClassMetrics[]; macro: Omit<ClassMetrics, 'support'> } {
  const k = confusion.length;
  const perClass = confusion.map((row, c) => {
    const tp = row[c];
    const support = row.reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let r = 0; r < k; r++) predicted += confusion[r][c];
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, support };
  });
  const mean = (f: (m: ClassMetrics) => number) => (k > 0 ? perClass.reduce((a, m) => a + f(m), 0) / k : 0);
  return { perClass, macro: { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1) } };
}
