import { predictMessages } from '../predict/messages';
import { useT } from './useI18n';

interface Props {
  classNames: string[];
  probabilities: number[];
  winner: number;
}

/**
 * One bar per class, its width the probability; the numbers are in the text too,
 * as a percentage in the UI's locale (the bar widths stay plain CSS numbers).
 */
export function ProbabilityBars({ classNames, probabilities, winner }: Props) {
  const { t, pct } = useT(predictMessages);
  return (
    <ul className="bars" aria-label={t('probabilities')}>
      {classNames.map((name, i) => (
        <li key={name} className={i === winner ? 'winner' : undefined}>
          <span className="bar-label">{name}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(probabilities[i] * 100).toFixed(1)}%` }} />
          </span>
          <span className="bar-value">{pct(probabilities[i], 1)}</span>
        </li>
      ))}
    </ul>
  );
}
