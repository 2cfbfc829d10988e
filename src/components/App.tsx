import { Alerts } from './Alerts';
import { Charts } from './Charts';
import { DatasetPanel } from './DatasetPanel';
import { EvaluationPanel } from './EvaluationPanel';
import { PredictPanel } from './PredictPanel';
import { TrainPanel } from './TrainPanel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Neural-network classifier playground</h1>
        <p className="subtitle">
          The tf.estimator Iris tutorial, in your browser: a DNN classifier trained in a Web Worker.
        </p>
      </header>
      <Alerts />
      <main className="grid">
        <DatasetPanel />
        <TrainPanel />
        <Charts />
        <EvaluationPanel />
        <PredictPanel />
      </main>
    </div>
  );
}
