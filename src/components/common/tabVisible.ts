/**
 * Whether the drawer tab a component sits in is the one shown. Closed tabs stay mounted
 * (their test hooks can be read at any time), so a panel whose drawing is costly (the
 * MNIST gallery's PNG digits) asks this and draws only what can be seen. True outside
 * the drawer.
 */
import { createContext } from 'react';

export const TabVisible = createContext(true);
