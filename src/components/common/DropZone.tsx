import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { dataMessages } from '../data/messages';
import { useT } from './useI18n';

interface Props {
  testId: string;
  label: ReactNode;
  hint?: ReactNode;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}

/**
 * A drop target that also holds a file input, so a file can be dropped or picked.
 * The input is visually hidden but stays in the tab order: Tab reaches it, and Enter
 * or Space opens the file chooser; the button-like span after it shows its focus. Files are handed over as they are: the worker reads and checks them,
 * so nothing is parsed on the main thread.
 */
export function DropZone({ testId, label, hint, accept, multiple, disabled, onFiles }: Props) {
  const [over, setOver] = useState(false);
  const hintId = useId();
  // Our own button text: the browser's "Choose file" would not follow the UI language.
  const { t } = useT(dataMessages);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0 && !disabled) onFiles(files);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label>
        <span className="drop-label">{label}</span>
        <input
          type="file"
          className="file-input"
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          onKeyDown={(e) => {
            // Chromium opens a file input's chooser on Space but not on Enter, which a keyboard
            // user presses on anything that looks like a button (tests/e2e/layout.spec.ts).
            if (e.key === 'Enter') {
              e.preventDefault();
              e.currentTarget.click();
            }
          }}
          onChange={(e) => {
            take(e.target.files);
            e.target.value = '';
          }}
        />
        <span className="file-button" aria-hidden="true">
          {t(multiple ? 'chooseFiles' : 'chooseFile')}
        </span>
      </label>
      {hint && (
        <span id={hintId} className="muted drop-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
