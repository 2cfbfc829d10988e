// Every bundle's keys and placeholders are checked in i18n.test.ts; these are the wordings
// that browser tests and people rely on.
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/client/i18n';
import { chartsMessages } from '../../src/components/charts/messages';
import { settingsMessages } from '../../src/components/train/settingsMessages';

describe('strings the browser tests and people rely on', () => {
  it.each([
    [settingsMessages, 'moreUnits', { n: 1 }, 'More units in hidden layer 1'],
    [settingsMessages, 'needsReset', { changes: 'activation' }, 'These settings need a new model: activation.'],
    [chartsMessages, 'overlayRun', { id: 1 }, 'Overlay run 1 on the charts'],
    [chartsMessages, 'pastRunTest', { id: 1 }, 'run 1 test'],
  ] as const)('%#: English %s', (bundle, key, params, expected) => {
    expect(translate(bundle as typeof settingsMessages, 'en', key as 'moreUnits', params)).toBe(expected);
  });

  it('Korean numbers are grouped for the locale', () => {
    expect(translate(settingsMessages, 'ko', 'parameters', { n: 1234 })).toBe('현재 모델의 매개변수는 1,234개입니다 (가중치와 편향).');
  });
});
