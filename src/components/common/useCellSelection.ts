/**
 * Which confusion-matrix cell's rows are listed: picked by a click, picked again to
 * close, forgotten when the data set changes (its classes are other classes).
 */
import { useCallback, useState } from 'react';

export interface Cell {
  actual: number;
  predicted: number;
}

export function useCellSelection(datasetName: string | undefined, classes: number) {
  const [picked, setPicked] = useState<(Cell & { dataset: string | undefined }) | null>(null);
  const select = useCallback(
    (actual: number, predicted: number) =>
      setPicked((p) => (p && p.dataset === datasetName && p.actual === actual && p.predicted === predicted ? null : { actual, predicted, dataset: datasetName })),
    [datasetName],
  );
  const close = useCallback(() => setPicked(null), []);
  const selected: Cell | null = picked && picked.dataset === datasetName && picked.actual < classes && picked.predicted < classes ? { actual: picked.actual, predicted: picked.predicted } : null;
  return { selected, select, close };
}
