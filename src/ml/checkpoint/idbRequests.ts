/**
 * The raw IndexedDB API as promises, just enough for idb.ts (the idb package is not a
 * dependency): one transaction per call, resolved only once it has committed, so a
 * caller never reports "saved" for a write the browser then rolled back.
 */

/**
 * Run `body` in one transaction; resolves with what it passed to `done` once the
 * transaction has committed, rejects with the transaction's error (QuotaExceededError,
 * AbortError) or with what `body` threw (after aborting, so nothing is half-written).
 */
export function transact<T>(db: IDBDatabase, stores: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction, done: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      reject(error);
      return;
    }
    let result: { value: T } | null = null;
    tx.oncomplete = () => (result ? resolve(result.value) : reject(new DOMException('done() not called', 'UnknownError')));
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
    try {
      body(tx, (value) => (result = { value }));
    } catch (error) {
      reject(error);
      try {
        tx.abort();
      } catch {
        // Already finished: nothing was written by this body.
      }
    }
  });
}

/** request.result, handed to `then` on success (errors abort the transaction). */
export function on<T>(request: IDBRequest<T>, then: (value: T) => void): void {
  request.onsuccess = () => then(request.result);
}
