/** A small CSV for the analysis views' tests: three species told apart by petal; colour is red for a and c. */
export const FLOWERS = [
  'petal,sepal,colour,species',
  ...Array.from({ length: 60 }, (_, i) => {
    const kind = i % 3;
    return `${(1 + kind * 2 + (i % 5) * 0.1).toFixed(2)},${(3 + (i % 4) * 0.2).toFixed(1)},${['red', 'blue', 'red'][kind]},${['a', 'b', 'c'][kind]}`;
  }),
].join('\n');
