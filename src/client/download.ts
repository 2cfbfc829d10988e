/** Hand data to the browser's downloads; nothing leaves the machine. */
export type SaveFile = (data: string | ArrayBuffer, name: string, mime: string) => void;

export const saveFile: SaveFile = (data, name, mime) => {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click starts the download asynchronously; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
