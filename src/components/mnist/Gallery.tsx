/**
 * Test digits with what the model reads in them: the worker sends the first test digits
 * and then misread ones, so both "it mostly works" and "this is how it fails" are in
 * view. Mistakes have a red frame and a `7→1` caption (read aloud as "true 7, read as 1").
 * The count line comes from the confusion matrix, i.e. the whole test split, not just
 * the digits shown.
 */
import { memo, useContext, useEffect, useId, useMemo, useState } from 'react';
import type { DigitGallery } from '../../shared/types';
import { mnistMessages } from './messages';
import { useT } from '../common/useI18n';
import { TabVisible } from '../common/tabVisible';
import { useAppState } from '../common/useStore';
import { DigitImage } from './DigitImage';

const SIDE = 28;
/** Digits drawn per animation frame: each costs a PNG encode, so all 200 at once would block the page. */
const PER_FRAME = 20;
/** CSS pixels per digit: twice the data's size. */
const SHOWN = 56;

interface Item {
  index: number;
  pixels: Uint8Array;
  label: number;
  predicted: number;
}

/** Misread and total counts over the whole test split, from confusion[actual][predicted]. */
export function misreadCount(confusion: number[][]): { misread: number; total: number } {
  let misread = 0;
  let total = 0;
  confusion.forEach((row, actual) =>
    row.forEach((n, predicted) => {
      total += n;
      if (actual !== predicted) misread += n;
    }),
  );
  return { misread, total };
}

function items(g: DigitGallery): Item[] {
  const size = SIDE * SIDE;
  return g.labels.map((label, i) => ({ index: i, pixels: g.pixels.subarray(i * size, (i + 1) * size), label, predicted: g.predicted[i] }));
}

const Tile = memo(function Tile({ item, names }: { item: Item; names: string[] }) {
  const { t } = useT(mnistMessages);
  const actual = names[item.label] ?? String(item.label);
  const read = names[item.predicted] ?? String(item.predicted);
  const wrong = item.label !== item.predicted;
  return (
    <li className={wrong ? 'gallery-digit mistake' : 'gallery-digit'} data-label={item.label} data-predicted={item.predicted}>
      <DigitImage pixels={item.pixels} size={SHOWN} />
      <span className="gallery-caption" aria-hidden="true">
        {wrong ? `${actual}→${read}` : read}
      </span>
      <span className="sr-only">{wrong ? t('tileWrong', { actual, read }) : t('tileRight', { actual })}</span>
    </li>
  );
});

export function Gallery() {
  const gallery = useAppState((a) => a.gallery);
  const dataset = useAppState((a) => a.dataset);
  const { t, pct } = useT(mnistMessages);
  const [onlyMistakes, setOnlyMistakes] = useState(false);
  const toggleId = useId();
  const all = useMemo(() => (gallery ? items(gallery) : []), [gallery]);
  const shown = useMemo(() => (onlyMistakes ? all.filter((d) => d.label !== d.predicted) : all), [all, onlyMistakes]);
  const counts = useMemo(() => (gallery ? misreadCount(gallery.confusion) : null), [gallery]);
  const names = dataset?.classNames ?? [];
  // How many of `shown` are drawn; a new list starts again at one frame's worth. In a closed
  // tab none: each evaluation of a run sends a new gallery, and nobody sees it drawn.
  const visible = useContext(TabVisible);
  const [drawn, setDrawn] = useState<{ list: Item[]; limit: number }>({ list: shown, limit: PER_FRAME });
  const limit = !visible ? 0 : drawn.list === shown ? drawn.limit : PER_FRAME;
  useEffect(() => {
    if (!visible) return;
    let frame = 0;
    let n = PER_FRAME;
    const grow = () => {
      n += PER_FRAME;
      setDrawn({ list: shown, limit: n });
      if (n < shown.length) frame = requestAnimationFrame(grow);
    };
    if (n < shown.length) frame = requestAnimationFrame(grow);
    return () => cancelAnimationFrame(frame);
  }, [shown, visible]);
  const mistakes = all.length - all.filter((d) => d.label === d.predicted).length;

  if (!gallery || !counts) return <p className="muted">{t('galleryEmpty')}</p>;
  return (
    <div className="gallery" data-testid="digit-gallery" data-misread={counts.misread} data-total={counts.total} data-step={gallery.globalStep}>
      <p className="gallery-count">
        {t('galleryCount', { misread: counts.misread, total: counts.total, step: gallery.globalStep, percent: pct(counts.total > 0 ? counts.misread / counts.total : 0) })}
      </p>
      <p className="muted small">{t('galleryShown', { shown: all.length, mistakes })}</p>
      <label htmlFor={toggleId} className="gallery-toggle">
        <input id={toggleId} type="checkbox" checked={onlyMistakes} onChange={(e) => setOnlyMistakes(e.target.checked)} /> {t('onlyMistakes')}
      </label>
      {shown.length > 0 ? (
        <ul className="gallery-grid" tabIndex={0} aria-label={onlyMistakes ? t('misreadDigits') : t('testDigits')}>
          {shown.slice(0, limit).map((item) => (
            <Tile key={item.index} item={item} names={names} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('noMistakeShown')}</p>
      )}
    </div>
  );
}
