import type { analysisMessages } from './messages';
import type { useT } from '../common/useI18n';

type T = ReturnType<typeof useT<typeof analysisMessages.en>>['t'];

/** What `count` test examples are called: "test row(s)", or on MNIST "test digit(s)"; one or many. */
export function testUnit(t: T, count: number | string, digits: boolean): string {
  const one = count === 1;
  return t(digits ? (one ? 'unitDigit' : 'unitDigits') : one ? 'unitRow' : 'unitRows');
}
