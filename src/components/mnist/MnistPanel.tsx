/**
 * TensorFlow Mechanics 101 on the page: what fully_connected_feed.py prints (the status
 * log and do_eval), what it never showed (the test digits, the confusion matrix), and a
 * pad to draw a digit for the trained network. Rendered only while MNIST is loaded; the
 * loss curve is the shared Charts panel. Returns several `.panel` sections as grid items,
 * so it goes straight into the page's `.grid`.
 */
import { ConfusionMatrix } from './ConfusionMatrix';
import { DigitPad } from './DigitPad';
import { EvalTable } from './EvalTable';
import { Gallery } from './Gallery';
import { IdxDrop } from './IdxDrop';
import { StatusLog } from './StatusLog';
import { useAppState } from '../useStore';

export function MnistPanel() {
  const { dataset, gallery } = useAppState();
  if (dataset?.source !== 'mnist') return null;
  return (
    <>
      <section className="panel span-2 mnist-draw" aria-labelledby="mnist-draw-title">
        <h2 id="mnist-draw-title">Draw a digit</h2>
        <DigitPad />
      </section>
      <section className="panel" aria-labelledby="mnist-log-title">
        <h2 id="mnist-log-title">Status log</h2>
        <StatusLog />
      </section>
      <section className="panel wide" aria-labelledby="mnist-eval-title">
        <h2 id="mnist-eval-title">Evaluation (do_eval)</h2>
        <EvalTable />
      </section>
      <section className="panel wide" aria-labelledby="mnist-gallery-title">
        <h2 id="mnist-gallery-title">Test digits</h2>
        <Gallery />
      </section>
      <section className="panel span-2" aria-labelledby="mnist-confusion-title">
        <h2 id="mnist-confusion-title">Confusion matrix</h2>
        {gallery ? (
          <ConfusionMatrix
            matrix={gallery.confusion}
            classNames={dataset.classNames}
            caption={`The ${gallery.confusion.flat().reduce((a, b) => a + b, 0).toLocaleString('en-US')} test digits at step ${gallery.globalStep}: rows are the true digit, columns what the network read`}
            testId="confusion-matrix"
          />
        ) : (
          <p className="muted">Appears with the test digits.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="mnist-data-title">
        <h2 id="mnist-data-title">MNIST data</h2>
        <p>{dataset.splitNote}</p>
        <IdxDrop />
      </section>
    </>
  );
}
