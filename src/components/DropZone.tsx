import { useState, type DragEvent, type ReactNode } from 'react';

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
 * A drop target that also holds a file input, so a file can be dropped or picked
 * (keyboard users tab to the input). Files are handed over as they are: the worker
 * reads and checks them, so nothing is parsed on the main thread.
 */
export function DropZone({ testId, label, hint, accept, multiple, disabled, onFiles }: Props) {
  const [over, setOver] = useState(false);
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
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          onChange={(e) => {
            take(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {hint && <span className="muted drop-hint">{hint}</span>}
    </div>
  );
}
