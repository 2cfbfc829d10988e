/**
 * "Export as code": a TensorFlow 2 / Keras script that trains the same model outside
 * the browser, for a workstation or a cluster: the same preprocessing (pythonData), the
 * same network (Dense layers with the run's activation, Dropout after each when the run
 * drops units, an L2 kernel penalty when it has one, linear logits, the run's kernel
 * initializer, zero biases), optimizer, learning rate, loss reduction, batch size, steps and seed,
 * balanced class weights (Keras' class_weight) when the run had them, and, when the run
 * stopped early on a validation split, the same split fraction (carved by pythonData) with
 * Keras' EarlyStopping(monitor="val_loss", restore_best_weights=True) evaluating at the
 * run's rhythm with its patience. The weights are not in it (they are in the model.json
 * export); it reproduces the recipe.
 *
 * A regression model (meta.target, tf.estimator's DNNRegressor head) gets the same hidden
 * layers and ONE linear output (still named "logits"), mean squared error on the
 * standardised label z = (y - TARGET_MEAN) / TARGET_SD with the run's reduction, no class
 * weights, and reports RMSE, MAE and R² in the label's units (predictions times TARGET_SD
 * plus TARGET_MEAN) on each split, as the playground's evaluate() does.
 */
import type { ModelConfig, RegressionTarget } from '../../shared/types';
import { pyFloat, pyLines, pyStr, pyValue } from './pyLiteral';
import { pythonData } from './pythonData';
import type { CheckpointMeta } from './types';

export interface PythonOptions {
  /** Training steps the script runs (tf.estimator's train(steps=...)). */
  steps: number;
  /** The CSV's file name as the person will have it next to the script (default: schema.fileName). */
  csvFileName?: string;
  /** Steps between two validation evaluations of the run (runPlan's evalEvery): a Keras epoch of the script. */
  evalEvery?: number;
  /** Early stopping's patience in evaluations (runPlan's patience); 0 or absent = off. */
  patience?: number;
}

/** Keras optimizer with the playground's settings (tfjs's Adam and RMSprop defaults match Keras'). An expression: no comment. */
function optimizerCode(config: ModelConfig): string {
  const lr = 'learning_rate=LEARNING_RATE';
  switch (config.optimizer) {
    case 'adagrad':
      return `tf.keras.optimizers.Adagrad(${lr}, initial_accumulator_value=0.1)`; // tf.estimator's accumulators start at 0.1
    case 'sgd':
      return `tf.keras.optimizers.SGD(${lr})`;
    case 'momentum':
      return `tf.keras.optimizers.SGD(${lr}, momentum=0.9)`;
    case 'adam':
      return `tf.keras.optimizers.Adam(${lr})`;
    case 'rmsprop':
      return `tf.keras.optimizers.RMSprop(${lr})`;
    default: {
      const unknown: never = config.optimizer;
      throw new Error(`Unknown optimizer ${String(unknown)}`);
    }
  }
}

function initializerCode(config: ModelConfig): string {
  switch (config.initializer) {
    case 'glorot-uniform':
      return '    # tf.estimator\'s DNNClassifier: Glorot-uniform kernels, one seed per layer.\n    return tf.keras.initializers.GlorotUniform(seed=SEED + layer)';
    case 'truncated-normal':
      return '    # Mechanics 101: truncated normal kernels with stddev 1 / sqrt(fan-in).\n    return tf.keras.initializers.TruncatedNormal(mean=0.0, stddev=1.0 / math.sqrt(fan_in), seed=SEED + layer)';
    default: {
      const unknown: never = config.initializer;
      throw new Error(`Unknown initializer ${String(unknown)}`);
    }
  }
}

/** The head's constants: the task, and a regressor's target statistics (the network's output is standardised). */
function taskCode(target: RegressionTarget | undefined): string {
  if (!target) return 'TASK = "classification"  # softmax over CLASS_NAMES';
  return [
    'TASK = "regression"  # one linear output: the standardised label (y - TARGET_MEAN) / TARGET_SD',
    `TARGET_NAME = ${pyStr(target.name)}`,
    `TARGET_MEAN = ${pyFloat(target.mean)}  # of the playground's training split`,
    `TARGET_SD = ${pyFloat(target.sd)}  # population standard deviation (1 when the label was constant)`,
    `TARGET_RANGE = (${pyFloat(target.min)}, ${pyFloat(target.max)})  # training minimum and maximum`,
  ].join('\n');
}

/** compile()'s loss and metrics for the head (indented as in main()). */
function compileCode(regression: boolean): string {
  return regression
    ? `            # DNNRegressor's head: squared error of the standardised label, reduced as the run did
            # (Keras' "mae" in the log is of the standardised label too; the end reports the label's units).
            loss=tf.keras.losses.MeanSquaredError(reduction=REDUCTION),
            metrics=[tf.keras.metrics.MeanAbsoluteError(name="mae")],`
    : `            loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction=REDUCTION),
            metrics=[tf.keras.metrics.SparseCategoricalAccuracy(name="accuracy")],`;
}

/** The final evaluation of each split (indented as in main()). */
function evaluateCode(regression: boolean): string {
  return regression
    ? `    for split in ("train", "validation", "test"):
        if split in data:
            x, y = data[split]
            predicted = destandardize(model.predict(x, batch_size=128, verbose=0).reshape(-1))
            rmse, mae, r2 = regression_metrics(predicted, destandardize(y))
            print("%s: rmse = %.6g, mae = %.6g, r2 = %.6f (%d examples, %s)" % (split, rmse, mae, r2, len(x), TARGET_NAME))
            if split == "test":
                write_predictions(os.path.join(args.model_dir, "test_predictions.csv"), destandardize(y), predicted)`
    : `    for split in ("train", "validation", "test"):
        if split in data:
            x, y = data[split]
            loss, accuracy = model.evaluate(x, y, batch_size=128, verbose=0)
            print("%s: accuracy = %.4f, loss = %.4f (%d examples)" % (split, accuracy, loss, len(x)))`;
}

/** A regressor's arithmetic in the label's units: the playground's src/ml/model/regression.ts. */
const REGRESSION_CODE = `def destandardize(z):
    """The network's standardised outputs (or targets) in the label's units, in float64: z * TARGET_SD + TARGET_MEAN."""
    import numpy as np
    return np.asarray(z, dtype=np.float64) * TARGET_SD + TARGET_MEAN


def regression_metrics(predicted, actual):
    """RMSE, MAE and R^2 = 1 - SSE / SST (SST about the actual values' own mean; 1 when both are 0,
    0 when only SST is), in the label's units, as the playground reports them."""
    import numpy as np
    predicted = np.asarray(predicted, dtype=np.float64)
    actual = np.asarray(actual, dtype=np.float64)
    n = len(actual)
    if n == 0:
        return 0.0, 0.0, 0.0
    errors = predicted - actual
    sse = float(np.sum(errors * errors))
    sst = float(np.sum((actual - np.mean(actual)) ** 2))
    r2 = 1.0 - sse / sst if sst > 0 else (1.0 if sse == 0 else 0.0)
    return math.sqrt(sse / n), float(np.sum(np.abs(errors))) / n, r2


def write_predictions(path, actual, predicted):
    """The test rows' label and prediction (the label's units), one row each, for a look at the errors."""
    import csv
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow([TARGET_NAME, "predicted " + TARGET_NAME])
        for a, p in zip(actual, predicted):
            out.writerow([repr(float(a)), repr(float(p))])


`;

/** The Python script (UTF-8, ASCII only) for a checkpoint's model. */
export function pythonScript(meta: CheckpointMeta, options: PythonOptions): string {
  const { config } = meta;
  const steps = Math.max(1, Math.floor(options.steps));
  const data = pythonData(meta, options.csvFileName);
  const names = data.featureNames ?? pyLines(meta.featureNames.map(pyStr));
  const reduction = config.reduction === 'sum' ? '"sum"  # tf.estimator: the batch loss is the sum' : '"sum_over_batch_size"  # Mechanics 101: the mean';
  const regression = meta.target !== undefined;
  const evalEvery = Math.max(1, Math.floor(options.evalEvery ?? 0));
  const patience = options.evalEvery ? Math.max(0, Math.floor(options.patience ?? 0)) : 0;
  return `#!/usr/bin/env python3
"""Train the NN classifier playground's model with TensorFlow 2 / Keras.

Generated from a playground checkpoint${regression ? ' of a regression model (it predicts a number)' : ''}. It rebuilds
the playground's preprocessing,
network, optimizer, loss (${regression ? 'squared error of the standardised label' : 'with class weights when the run had them'}), batch size, steps,
seed, validation split and early stopping, and trains from scratch. The
data: ${data.about}.

    pip install tensorflow pandas        # pandas only for a CSV
    python3 train.py                     # this machine
    python3 train.py --distribute mirrored       # every GPU of this machine
    python3 train.py --distribute multi-worker   # a cluster: set TF_CONFIG on every worker

To start from the playground's trained weights instead, convert its model.json export:
    tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras model.json playground.h5
"""
import argparse
import decimal
import gzip
import math
import os
import re
import struct

# The data set (strings from the data are escaped Python literals).
DATASET_NAME = ${pyStr(meta.datasetName)}
DATASET_SOURCE = ${pyStr(meta.datasetSource)}
DATA_FINGERPRINT = ${pyStr(meta.fingerprint)}  # FNV-1a 64 of the playground's training split
FEATURE_NAMES = ${names}
CLASS_NAMES = ${pyLines(meta.classNames.map(pyStr))}
${taskCode(meta.target)}

# The run: hyperparameters of the checkpoint at global step ${meta.globalStep}.
HIDDEN_UNITS = ${pyValue(config.hiddenUnits)}
OPTIMIZER = ${pyStr(config.optimizer)}
LEARNING_RATE = ${pyFloat(config.learningRate)}
BATCH_SIZE = ${config.batchSize}
STEPS = ${steps}
SEED = ${config.seed}
INITIALIZER = ${pyStr(config.initializer)}
REDUCTION = ${reduction}
ACTIVATION = ${pyStr(config.activation)}  # of the hidden layers
DROPOUT = ${pyFloat(config.dropout)}  # fraction of each hidden layer's units dropped in training
L2 = ${pyFloat(config.l2)}  # the loss gains L2 * sum(w ** 2) over the kernels (not the biases)
CLASS_WEIGHT = ${pyStr(config.classWeight)}  # "balanced": each class's rows weigh n / (k * n_class) in the training loss
EVAL_EVERY = ${evalEvery}  # steps between two evaluations of the validation split (a Keras epoch here)
PATIENCE = ${patience}  # early stopping: evaluations without a better validation loss; 0 = off
${data.code}

def kernel_initializer(fan_in, layer):
    import tensorflow as tf
${initializerCode(config)}


def build_model(num_features, num_classes):
    """inputs -> Dense ACTIVATION layers (each followed by Dropout when DROPOUT > 0) -> linear
    logits (no softmax: the loss takes logits; a regressor's one unit is the standardised label).
    Keras adds the L2 penalty to the loss itself."""
    import tensorflow as tf
    model = tf.keras.Sequential(name="playground")
    model.add(tf.keras.Input(shape=(num_features,)))
    widths = HIDDEN_UNITS + [num_classes]
    for i, units in enumerate(widths):
        last = i == len(widths) - 1
        model.add(tf.keras.layers.Dense(
            units,
            activation=None if last else ACTIVATION,
            kernel_initializer=kernel_initializer(num_features if i == 0 else widths[i - 1], i),
            bias_initializer="zeros",
            kernel_regularizer=tf.keras.regularizers.L2(L2) if L2 > 0 else None,
            name="logits" if last else "hiddenlayer_%d" % i,
        ))
        if not last and DROPOUT > 0:
            model.add(tf.keras.layers.Dropout(DROPOUT, name="dropout_%d" % i))
    return model


def steps_per_epoch(steps):
    """The largest divisor of steps up to 1000: Keras epochs of that many steps make exactly steps."""
    return next(d for d in range(min(steps, 1000), 0, -1) if steps % d == 0)


def balanced_class_weight(y):
    """scikit-learn's compute_class_weight("balanced") as Keras' class_weight: {class id: n / (k * n_class)}
    over the classes present in the training rows (k of them)."""
    import numpy as np
    ids, counts = np.unique(y, return_counts=True)
    return {int(c): float(len(y) / (len(ids) * n)) for c, n in zip(ids, counts)}


${regression ? REGRESSION_CODE : ''}def make_strategy(kind):
    """One device, MirroredStrategy (all GPUs of a workstation) or MultiWorkerMirroredStrategy
    (a cluster described by the TF_CONFIG environment variable). BATCH_SIZE stays the global
    batch: each of N replicas gets BATCH_SIZE / N rows."""
    import tensorflow as tf
    if kind == "mirrored":
        return tf.distribute.MirroredStrategy()
    if kind == "multi-worker":
        return tf.distribute.MultiWorkerMirroredStrategy()
    return tf.distribute.get_strategy()


def main():
    parser = argparse.ArgumentParser(description="Train the playground's ${regression ? 'regressor' : 'classifier'}.")
    add_data_args(parser)
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--distribute", choices=["none", "mirrored", "multi-worker"], default="none")
    parser.add_argument("--model-dir", default="playground_model", help="TensorBoard logs and the trained model")
    args = parser.parse_args()

    import tensorflow as tf
    tf.keras.utils.set_random_seed(SEED)
    data = load_data(args)
    x_train, y_train = data["train"]
    strategy = make_strategy(args.distribute)
    with strategy.scope():
        model = build_model(x_train.shape[1], ${regression ? '1' : 'len(CLASS_NAMES)'})
        model.compile(
            optimizer=${optimizerCode(config)},
${compileCode(regression)}
        )
    model.summary()
    batches = (tf.data.Dataset.from_tensor_slices((x_train, y_train))
               .shuffle(len(x_train), seed=SEED, reshuffle_each_iteration=True)
               .repeat()
               .batch(BATCH_SIZE))
    callbacks = [tf.keras.callbacks.TensorBoard(log_dir=os.path.join(args.model_dir, "logs"))]
    early = None
    if PATIENCE > 0 and "validation" in data:
        # As the playground: evaluate the validation split every EVAL_EVERY steps (one Keras epoch
        # each, so the last epoch may run up to EVAL_EVERY - 1 steps past STEPS), stop after PATIENCE
        # evaluations without a lower validation loss, and put the best weights back.
        per_epoch, epochs = EVAL_EVERY, -(-args.steps // EVAL_EVERY)
        early = tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=PATIENCE, restore_best_weights=True)
        callbacks.append(early)
    else:
        per_epoch = steps_per_epoch(args.steps)
        epochs = args.steps // per_epoch
    model.fit(
        batches,
        epochs=epochs,
        steps_per_epoch=per_epoch,
        validation_data=data.get("validation"),
        class_weight=balanced_class_weight(y_train) if CLASS_WEIGHT == "balanced" and TASK == "classification" else None,
        callbacks=callbacks,
        verbose=2,
    )
    if early is not None and early.stopped_epoch == 0 and early.best_weights is not None:
        # Keras before 3 (tf-keras before 2.16) restores only when it stops early; the playground
        # also restores at the last step.
        model.set_weights(early.best_weights)
${evaluateCode(regression)}
    os.makedirs(args.model_dir, exist_ok=True)
    model.save(os.path.join(args.model_dir, "model.keras"))


if __name__ == "__main__":
    main()
`;
}
