/**
 * TensorFlow Mechanics 101 on the page: what fully_connected_feed.py prints (the status
 * log and do_eval), what it never showed (the test digits, the confusion matrix), and a
 * pad to draw a digit for the trained network. Rendered only while MNIST is loaded; the
 * loss curve is the shared Charts panel. Returns several `.panel` sections as grid items,
 * so it goes straight into the page's `.grid`.
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

export function MnistPanel() {
  const dataset = useAppState((a) => a.dataset);
  const gallery = useAppState((a) => a.gallery);
  const { t } = useT(analysisMessages);
  const words = useWords();
  const { selected, select, close } = useCellSelection(dataset?.name, dataset?.classNames.length ?? 0);
  if (dataset?.source !== 'mnist') return null;
  return (
    <>
      <section className="panel span-2 mnist-draw" aria-labelledby="mnist-draw-title">
        <h2 id="mnist-draw-title">{t('mnistDraw')}</h2>
        <DigitPad />
      </section>
      <section className="panel" aria-labelledby="mnist-log-title">
        <h2 id="mnist-log-title">{t('mnistLog')}</h2>
        <StatusLog />
      </section>
      <section className="panel wide" aria-labelledby="mnist-eval-title">
        <h2 id="mnist-eval-title">{t('mnistEval')}</h2>
        <EvalTable />
      </section>
      <section className="panel wide" aria-labelledby="mnist-gallery-title">
        <h2 id="mnist-gallery-title">{t('mnistGallery')}</h2>
        <Gallery />
      </section>
      <section className="panel span-2" aria-labelledby="mnist-confusion-title">
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
      <section className="panel" aria-labelledby="mnist-data-title">
        <h2 id="mnist-data-title">{t('mnistData')}</h2>
        <p>{words(dataset.splitNote)}</p>
        <IdxDrop />
      </section>
    </>
  );
}
