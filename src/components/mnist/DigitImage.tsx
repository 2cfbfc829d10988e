/**
 * One grey digit (MNIST's 28 x 28 bytes, 0 = paper, 255 = ink) drawn as white ink on
 * black, pixel for pixel, on a canvas the CSS enlarges with `image-rendering: pixelated`.
 * Shared by the gallery (hundreds of them, hence memo) and the pad's "what the network sees".
 */
import { memo, useMemo } from 'react';

interface Props {
  /** side * side grey bytes, row-major; may be a view into a larger array. */
  pixels: Uint8Array;
  side?: number;
  /** Shown size in CSS pixels. */
  size: number;
  className?: string;
  /** Accessible name; without one the image is decorative (its caption says what it is). */
  label?: string;
}

/**
 * One scratch canvas for every digit: a 2D context per digit costs milliseconds each
 * (hundreds of them blocked the page for most of a second), a PNG data URL from one
 * shared context a fraction of that.
 */
let scratch: HTMLCanvasElement | null = null;

function digitUrl(pixels: Uint8Array, side: number): string {
  scratch ??= document.createElement('canvas');
  if (scratch.width !== side) scratch.width = side;
  if (scratch.height !== side) scratch.height = side;
  // In memory: every digit is read back as a PNG, which a GPU canvas would have to copy down first.
  const ctx = scratch.getContext('2d', { willReadFrequently: true });
  if (!ctx) return '';
  const image = ctx.createImageData(side, side);
  const n = Math.min(pixels.length, side * side);
  for (let i = 0; i < n; i++) {
    const v = pixels[i];
    image.data[4 * i] = v;
    image.data[4 * i + 1] = v;
    image.data[4 * i + 2] = v;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return scratch.toDataURL('image/png');
}

/**
 * Data URLs by the digit's bytes: each evaluation of a run sends the gallery anew (new
 * arrays of the same test digits), and encoding a PNG is most of what the page did on the
 * main thread during an MNIST run (about 0.4 s of 2,000 steps). The bytes themselves are
 * the key (784 characters), so two digits never share an image. Oldest out past CACHED.
 */
const CACHED = 2000;
const urls = new Map<string, string>();

function cachedDigitUrl(pixels: Uint8Array, side: number): string {
  const key = `${side}:${String.fromCharCode(...pixels.subarray(0, side * side))}`;
  let url = urls.get(key);
  if (url === undefined) {
    url = digitUrl(pixels, side);
    if (urls.size >= CACHED) urls.delete(urls.keys().next().value as string);
    urls.set(key, url);
  }
  return url;
}

export const DigitImage = memo(function DigitImage({ pixels, side = 28, size, className, label }: Props) {
  const src = useMemo(() => cachedDigitUrl(pixels, side), [pixels, side]);
  return (
    <img
      src={src}
      width={size}
      height={size}
      className={className ? `digit-image ${className}` : 'digit-image'}
      {...(label ? { alt: label } : { alt: '', 'aria-hidden': true })}
    />
  );
});
