/** Facts of the Iris tutorial that both threads need: plain constants, no code. */

export const IRIS_FEATURES = ['sepal length', 'sepal width', 'petal length', 'petal width'];

/** The tutorial's "new samples": it classifies them as versicolor and virginica. */
export const IRIS_SAMPLES: readonly (readonly number[])[] = [
  [6.4, 3.2, 4.5, 1.5],
  [5.8, 3.1, 5.0, 1.7],
];
