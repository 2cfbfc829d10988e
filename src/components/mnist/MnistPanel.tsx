/**
 * TensorFlow Mechanics 101 on the page: what fully_connected_feed.py prints (the status
 * log and do_eval), what it never showed (the test digits, the confusion matrix), and a
 * pad to draw a digit for the trained network. The pad is in the output column; the rest
 * are tabs of the drawer. The loss curve is the shared Charts panel.
 */
import { analysisMessages } from '../analysis/messages';
import { ConfusionRowsList } from '../analysis/ConfusionRowsList';
import { useCellSelection } from '../common/useCellSelection';
import { useT, useWords } from '../common/useI18n';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DigitPad } from './DigitPad';
import { EvalTable } from './EvalTable';
import { Gallery } from './Gallery';
import { IdxDrop } from './IdxDrop';
import { StatusLog } from './StatusLog';
import { useAppState } from '../common/useStore';

/** The digit pad: the output column's form while MNIST is loaded. */
export function MnistDraw() {
  const { t } = useT(analysisMessages);
  return (
    <section className="panel mnist-draw" aria-labelledby="mnist-draw-title">
      <h2 id="mnist-draw-title">{t('mnistDraw')}</h2>
      <DigitPad />
    </section>
  );
}

export type MnistTab = 'mnist-log' | 'mnist-eval' | 'mnist-gallery' | 'mnist-confusion' | 'mnist-data';

/** One of the drawer's MNIST tabs: the status log, do_eval, the test digits, the confusion matrix, the IDX files. */
export function MnistDetails({ tab }: { tab: MnistTab }) {
  const dataset = useAppState((a) => a.dataset);
  const gallery = useAppState((a) => a.gallery);
  const { t } = useT(analysisMessages);
  const words = useWords();
  const { selected, select, close } = useCellSelection(dataset?.name, dataset?.classNames.length ?? 0);
  if (dataset?.source !== 'mnist') return null;
  switch (tab) {
    case 'mnist-log':
      return (
        <section className="panel" aria-labelledby="mnist-log-title">
          <h2 id="mnist-log-title">{t('mnistLog')}</h2>
          <StatusLog />
        </section>
      );
    case 'mnist-eval':
      return (
        <section className="panel" aria-labelledby="mnist-eval-title">
          <h2 id="mnist-eval-title">{t('mnistEval')}</h2>
          <EvalTable />
        </section>
      );
    case 'mnist-gallery':
      return (
        <section className="panel" aria-labelledby="mnist-gallery-title">
          <h2 id="mnist-gallery-title">{t('mnistGallery')}</h2>
          <Gallery />
        </section>
      );
    case 'mnist-confusion':
      return (
        <section className="panel" aria-labelledby="mnist-confusion-title">
          <h2 id="mnist-confusion-title">{t('mnistConfusion')}</h2>
          {gallery ? (
            <>
              <ConfusionMatrix
                matrix={gallery.confusion}
                classNames={dataset.classNames}
                caption={t('mnistConfusionCaption', { count: gallery.confusion.flat().reduce((a, b) => a + b, 0), step: gallery.globalStep })}
                testId="confusion-matrix"
                onSelect={select}
                selected={selected}
              />
              {selected && <ConfusionRowsList actual={selected.actual} predicted={selected.predicted} classNames={dataset.classNames} onClose={close} />}
            </>
          ) : (
            <p className="muted">{t('mnistConfusionLater')}</p>
          )}
        </section>
      );
    case 'mnist-data':
      return (
        <section className="panel" aria-labelledby="mnist-data-title">
          <h2 id="mnist-data-title">{t('mnistData')}</h2>
          <p>{words(dataset.splitNote)}</p>
          <IdxDrop />
        </section>
      );
  }
}
