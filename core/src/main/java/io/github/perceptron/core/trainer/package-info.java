/**
 * <b>Internal: the training room.</b> The {@link io.github.perceptron.core.trainer.Trainer} sets a
 * run up, fresh or resumed from its {@link io.github.perceptron.core.checkpoint.TrainerState};
 * {@link io.github.perceptron.core.trainer.TrainingSteps} takes its mini-batch steps and copies its
 * state out and in; {@code EpochLoop} runs the epochs with early stopping ({@code EarlyStopWatch})
 * and a stop asked for; {@code Checkpointing} decides when a checkpoint is saved and what a failed
 * save does; {@link io.github.perceptron.core.trainer.PlanFit} refuses a plan that does not fit
 * its data. Exported only to the command line (its {@code bench}); embedders train through
 * {@code core.usecase}.
 */
package io.github.perceptron.core.trainer;
