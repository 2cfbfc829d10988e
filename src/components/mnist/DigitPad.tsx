/**
 * The drawing pad: a person draws a digit with a mouse, finger or pen and the network
 * classifies it as they draw. The pad sends the raw canvas (ink in [0, 1], 280 x 280)
 * and the worker does MNIST's own preprocessing (20 x 20 box, centre of mass at the
 * centre), then sends back the class and the 28 x 28 digit it read, which is drawn
 * beside the pad so a person can see why a digit was misread.
 *
 * Pointer Events cover all three input kinds; `touch-action: none` (styles.css) keeps a
 * finger from scrolling the page, and pointer capture keeps a stroke that leaves the pad.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Prediction } from '../../shared/types';
import { mnistMessages } from './messages';
import { ProbabilityBars } from '../common/ProbabilityBars';
import { useT } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { DigitImage } from './DigitImage';

/** Canvas pixels (and CSS pixels, unless the screen is narrower). */
const PAD = 280;
/** A thick marker: about 1/13 of the pad, so the 20 x 20 box gets strokes ~2 pixels wide, as MNIST's are. */
const BRUSH = Math.round(PAD / 13);
/** At most ~8 classifications a second while drawing; one more always follows pointerup. */
const THROTTLE_MS = 125;
const PAPER = '#000';
const INK = '#fff';

type Point = { x: number; y: number };

/** The canvas as ink in [0, 1], row-major: the red channel of white-on-black. */
function readInk(canvas: HTMLCanvasElement): Float32Array {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const ink = new Float32Array(canvas.width * canvas.height);
  if (!ctx) return ink;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i] / 255;
  return ink;
}

function clearCanvas(canvas: HTMLCanvasElement): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}

/** A pointer event's position in canvas pixels (the CSS size may differ from the canvas size). */
function toCanvas(canvas: HTMLCanvasElement, e: { clientX: number; clientY: number }): Point {
  const r = canvas.getBoundingClientRect();
  return { x: ((e.clientX - r.left) * canvas.width) / r.width, y: ((e.clientY - r.top) * canvas.height) / r.height };
}

export function DigitPad() {
  const prediction = useAppState((a) => a.prediction);
  const digit = useAppState((a) => a.digit);
  const dataset = useAppState((a) => a.dataset);
  // The step matters when no run is on (a restored model is read again); during a run it would re-render every frame for nothing.
  const globalStep = useAppState((a) => (a.state === 'training' ? -1 : a.globalStep));
  const runState = useAppState((a) => a.state);
  const store = useStore();
  const { t } = useT(mnistMessages);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** The stroke in progress: which pointer draws it and where it was last. */
  const stroke = useRef<{ id: number; last: Point } | null>(null);
  const lastSent = useRef(-Infinity);
  const [hasInk, setHasInk] = useState(false);
  /** The prediction that was on screen when Clear was pressed: hidden until a new one arrives. */
  const [cleared, setCleared] = useState<Prediction | null>(null);

  useEffect(() => {
    if (canvasRef.current) clearCanvas(canvasRef.current);
  }, []);

  const classify = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    lastSent.current = performance.now();
    store.predictDrawing(readInk(canvas), canvas.width, canvas.height);
  }, [store]);

  // A drawing made before (or during) training is read again by the model a run leaves behind.
  useEffect(() => {
    if (hasInk && runState !== 'training' && runState !== 'loading') classify();
  }, [hasInk, runState, globalStep, classify]);

  const drawTo = (ctx: CanvasRenderingContext2D, from: Point, to: Point) => {
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const canvas = e.currentTarget;
    if (stroke.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    ctx.strokeStyle = INK;
    ctx.lineWidth = BRUSH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const p = toCanvas(canvas, e);
    drawTo(ctx, p, p); // a round dot, so a tap leaves ink
    stroke.current = { id: e.pointerId, last: p };
    setHasInk(true);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const s = stroke.current;
    if (!s || s.id !== e.pointerId) return;
    const canvas = e.currentTarget;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    // Coalesced events: the positions the browser merged into this one, for a smooth line on fast strokes.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
      const p = toCanvas(canvas, ev);
      drawTo(ctx, s.last, p);
      s.last = p;
    }
    if (performance.now() - lastSent.current >= THROTTLE_MS) classify();
  };

  const onPointerEnd = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (stroke.current?.id !== e.pointerId) return;
    stroke.current = null;
    classify();
  };

  const clear = () => {
    if (canvasRef.current) clearCanvas(canvasRef.current);
    stroke.current = null;
    setHasInk(false);
    setCleared(prediction);
  };

  const shown = hasInk && prediction !== null && prediction !== cleared ? prediction : null;
  const classNames = dataset?.classNames ?? [];

  return (
    <div className="digit-pad">
      <div className="digit-pad-draw">
        <canvas
          ref={canvasRef}
          width={PAD}
          height={PAD}
          className="digit-canvas"
          data-testid="digit-canvas"
          role="img"
          aria-label={t('padLabel')}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onLostPointerCapture={onPointerEnd}
        />
        <div className="buttons">
          <button type="button" className="secondary" data-testid="digit-clear" onClick={clear} disabled={!hasInk}>
            {t('clear')}
          </button>
        </div>
      </div>
      <div
        className="digit-result"
        data-testid="digit-prediction"
        data-class={shown ? shown.className : ''}
        data-probabilities={shown ? JSON.stringify(shown.probabilities) : ''}
        aria-live="polite"
        aria-atomic="true"
      >
        {shown ? (
          <>
            <div className="digit-seen">
              {digit && <DigitImage pixels={digit} size={112} label={t('seenLabel')} />}
              <p>
                {t('readAs')} <strong className="digit-class">{shown.className}</strong>
                {globalStep === 0 && <span className="muted"> · {t('untrained')}</span>}
              </p>
            </div>
            <p className="muted small">{t('whatItSees')}</p>
          </>
        ) : (
          <p className="muted">{hasInk ? t('reading') : t('drawPrompt')}</p>
        )}
        {shown && <ProbabilityBars classNames={classNames} probabilities={shown.probabilities} winner={shown.classId} />}
      </div>
    </div>
  );
}
