import { describe, expect, it } from 'vitest';
import { translate } from '../../src/client/i18n';
import { chartsMessages } from '../../src/client/i18n/messages/charts';
import { mnistMessages } from '../../src/client/i18n/messages/mnist';
import { settingsMessages } from '../../src/client/i18n/messages/settings';

const bundles = { charts: chartsMessages, mnist: mnistMessages, settings: settingsMessages } as const;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(bundles))('the %s messages', (_name, bundle) => {
  const en = bundle.en as Record<string, string>;
  const ko = bundle.ko as Record<string, string>;

  it.each(Object.keys(en))('%s: Korean is there and takes the same placeholders', (key) => {
    expect(ko[key].trim()).not.toBe('');
    expect(placeholders(ko[key])).toEqual(placeholders(en[key]));
  });
});

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
