import type { analysisMessages } from './messages';
import type { useT } from '../common/useI18n';

type T = ReturnType<typeof useT<typeof analysisMessages.en>>['t'];

/** "1 test row", "8 test rows", or for MNIST "1 test digit", "8 test digits" (a count still loading stays as it is). */
export function testCount(t: T, count: number | string, digits: boolean): string {
  if (typeof count !== 'number') return t(digits ? 'testDigitsMany' : 'testRowsMany', { n: count });
  if (count === 1) return t(digits ? 'testDigitsOne' : 'testRowsOne');
  return t(digits ? 'testDigitsMany' : 'testRowsMany', { n: count });
}
