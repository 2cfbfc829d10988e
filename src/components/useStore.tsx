/** React access to the one Store: components read slices of state and call its actions. */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AppState } from '../client/state';
import type { Store } from '../client/store';

const StoreContext = createContext<Store | null>(null);

export function StoreProvider({ store, children }: { store: Store; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore needs a StoreProvider above it.');
  return store;
}

/** The current state; the component re-renders when the store notifies (at most once a frame). */
export function useAppState(): AppState {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
