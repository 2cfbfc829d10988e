/**
 * What a setting accepts (a reader's ValueRange), in words: shared by the notice of an
 * ignored URL parameter and the refusal of an imported model's setting, so both give the
 * same range.
 */
import type { ValueRange } from '../../../shared/fieldReaders';

type Lang = 'en' | 'ko';
const n = (v: number) => v.toLocaleString('en');

export function rangeWords(range: ValueRange, lang: Lang): string {
  const ko = lang === 'ko';
  switch (range.kind) {
    case 'int':
      if (range.min === null || range.max === null) {
        if (range.min === null && range.max === null) return ko ? '정수(음수도 됨)' : 'a whole number (negative too)';
        return ko ? `${n(range.min ?? 0)} 이상의 정수` : `a whole number of at least ${n(range.min ?? 0)}`;
      }
      return ko ? `${n(range.min)}부터 ${n(range.max)}까지의 정수` : `a whole number from ${n(range.min)} to ${n(range.max)}`;
    case 'number':
      if (range.above) return ko ? `${n(range.min)}보다 크고 ${n(range.max)} 이하인 수` : `a number above ${n(range.min)} and at most ${n(range.max)}`;
      return ko ? `${n(range.min)}부터 ${n(range.max)}까지의 수` : `a number from ${n(range.min)} to ${n(range.max)}`;
    case 'ints':
      return ko
        ? `쉼표로 나눈 정수 최대 ${range.count}개(각각 1부터 ${n(range.max)}까지)`
        : `up to ${range.count} comma-separated whole numbers from 1 to ${n(range.max)}`;
    case 'one-of':
      return ko ? `${range.options.join(', ')} 중 하나` : `one of ${range.options.join(', ')}`;
    default: {
      const never: never = range;
      return never;
    }
  }
}
