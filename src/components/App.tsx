import { Alerts } from './Alerts';
import { BatchPredictPanel } from './BatchPredictPanel';
import { Charts } from './Charts';
import { CheckpointsPanel } from './CheckpointsPanel';
import { DatasetPanel } from './DatasetPanel';
import { EvaluationPanel } from './EvaluationPanel';
import { MetricsPanel } from './MetricsPanel';
import { MnistPanel } from './mnist/MnistPanel';
import { PredictPanel } from './PredictPanel';
import { SettingsPanel } from './SettingsPanel';
import { TrainPanel } from './TrainPanel';
import { useAppState } from './useStore';

export function App() {
  const source = useAppState().dataset?.source;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Neural-network classifier playground</h1>
        <p className="subtitle">
          Train a classifier in your browser: the tf.estimator Iris tutorial, TensorFlow Mechanics 101 on MNIST, or your own CSV.
          Nothing leaves this machine.
        </p>
      </header>
      <Alerts />
      <main className="grid">
        <DatasetPanel />
        <TrainPanel />
        <SettingsPanel />
        <EvaluationPanel />
        <MetricsPanel />
        <Charts />
        {source === 'mnist' ? <MnistPanel /> : <PredictPanel />}
        <BatchPredictPanel />
        <CheckpointsPanel />
      </main>
    </div>
  );
}
