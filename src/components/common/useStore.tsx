/** React access to the one Store: components read slices of state and call its actions. */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState } from '../../client/state';
import type { Store } from '../../client/store';

const StoreContext = createContext<Store | null>(null);

export function StoreProvider({ store, children }: { store: Store; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore needs a StoreProvider above it.');
  return store;
}

/**
 * One slice of the state: the component re-renders only when `select`'s result changes
 * (Object.is), so a progress frame re-renders only what shows progress. `select` must
 * return a part of the state or a primitive, never a new object or array (that would
 * differ on every call and re-render, or loop); read two parts with two calls.
 */
export function useAppState<T>(select: (state: AppState) => T): T {
  const store = useStore();
  // `select` is usually an inline arrow, new each render: React just calls the newest one.
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
