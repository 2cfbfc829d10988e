interface Props {
  classNames: string[];
  probabilities: number[];
  winner: number;
}

/** One bar per class, its width the probability; the numbers are in the text too. */
export function ProbabilityBars({ classNames, probabilities, winner }: Props) {
  return (
    <ul className="bars">
      {classNames.map((name, i) => (
        <li key={name} className={i === winner ? 'winner' : undefined}>
          <span className="bar-label">{name}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(probabilities[i] * 100).toFixed(1)}%` }} />
          </span>
          <span className="bar-value">{(probabilities[i] * 100).toFixed(1)}%</span>
        </li>
      ))}
    </ul>
  );
}
