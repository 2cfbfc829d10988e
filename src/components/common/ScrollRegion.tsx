import type { CSSProperties, ReactNode, UIEvent } from 'react';

interface Props {
  /** What the region holds, for screen readers (usually the table's caption). */
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
  /** For a windowed table (useWindowedRows): its scroll handler and fixed height. */
  onScroll?: (event: UIEvent<HTMLElement>) => void;
  style?: CSSProperties;
}

/**
 * A box that scrolls a wide table on its own (the page never scrolls sideways, even on a
 * phone). Focusable and labelled, so a keyboard user can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, className, testId, children, onScroll, style }: Props) {
  return (
    <div className={className ? `table-scroll ${className}` : 'table-scroll'} tabIndex={0} role="region" aria-label={label} data-testid={testId} onScroll={onScroll} style={style}>
      {children}
    </div>
  );
}
