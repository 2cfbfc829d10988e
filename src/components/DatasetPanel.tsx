import { useAppState } from './useStore';

/** What is loaded: row counts, feature and class names, and the first training rows. */
export function DatasetPanel() {
  const { dataset } = useAppState();
  if (!dataset) {
    return (
      <section className="panel" aria-labelledby="data-title">
        <h2 id="data-title">Data</h2>
        <p aria-live="polite">Loading the data set…</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">Data: {dataset.name}</h2>
      <dl
        className="facts"
        data-testid="dataset-summary"
        data-train-rows={dataset.trainRows}
        data-test-rows={dataset.testRows}
        data-validation-rows={dataset.validationRows}
        data-features={dataset.featureNames.length}
        data-classes={dataset.classNames.length}
      >
        <dt>Training rows</dt>
        <dd>{dataset.trainRows}</dd>
        <dt>Test rows</dt>
        <dd>{dataset.testRows}</dd>
        <dt>Features ({dataset.featureNames.length})</dt>
        <dd>{dataset.featureNames.join(', ')}</dd>
        <dt>Classes ({dataset.classNames.length})</dt>
        <dd>{dataset.classNames.join(' / ')}</dd>
      </dl>
      <div className="table-scroll">
        <table className="preview">
          <caption>First {dataset.preview.length} training rows</caption>
          <thead>
            <tr>
              {dataset.featureNames.map((f) => (
                <th key={f} scope="col">
                  {f}
                </th>
              ))}
              <th scope="col">class</th>
            </tr>
          </thead>
          <tbody>
            {dataset.preview.map((row, i) => (
              <tr key={i}>
                {row.features.map((v, j) => (
                  <td key={j} className="num">
                    {v}
                  </td>
                ))}
                <td>{row.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
