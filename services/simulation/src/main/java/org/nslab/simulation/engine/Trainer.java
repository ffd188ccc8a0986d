package org.nslab.simulation.engine;

import java.util.SplittableRandom;

/**
 * Trains a {@link Gpt} on a {@link TokenDataset}: one {@link #step()} is a batch forward, backward,
 * clipping and AdamW update; every {@code evalEvery} steps the validation loss is measured on a
 * fixed set of validation windows, and training stops early when it has not improved for
 * {@code patience} evaluations. The best parameters seen are kept.
 */
public final class Trainer {

    /** What one step did; {@code validationLoss} is NaN on steps without evaluation. */
    public record StepReport(int step, double trainLoss, double validationLoss, float learningRate, double gradientNorm,
                             double[] layerGradientNorms, double tokensPerSecond, boolean stoppedEarly) {
    }

    private final Gpt model;
    private final TrainingConfig config;
    private final TokenDataset data;
    private final AdamW optimizer;
    private final LearningRateSchedule schedule;
    private final int[] inputs;
    private final int[] targets;
    private final int[] validationInputs;
    private final int[] validationTargets;
    private final int time;
    private int step;
    private double bestValidationLoss = Double.POSITIVE_INFINITY;
    private float[] bestParameters;
    private int evaluationsWithoutImprovement;
    private boolean stoppedEarly;

    public Trainer(Gpt model, TrainingConfig config, TokenDataset data) {
        if (!config.problems().isEmpty()) {
            throw new IllegalArgumentException(config.problems().toString());
        }
        this.model = model;
        this.config = config;
        this.data = data;
        this.optimizer = AdamW.standard(model.layout(), config.weightDecay());
        this.schedule = config.schedule();
        this.time = model.config().contextLength();
        this.inputs = new int[config.batch() * time];
        this.targets = new int[config.batch() * time];
        // The same validation windows at every evaluation, so the losses are comparable.
        SplittableRandom validationRandom = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        this.validationInputs = new int[config.evalBatches() * config.batch() * time];
        this.validationTargets = new int[validationInputs.length];
        int[] in = new int[config.batch() * time];
        int[] out = new int[config.batch() * time];
        for (int i = 0; i < config.evalBatches(); i++) {
            TokenDataset.sample(data.validation(), validationRandom, config.batch(), time, in, out);
            System.arraycopy(in, 0, validationInputs, i * in.length, in.length);
            System.arraycopy(out, 0, validationTargets, i * out.length, out.length);
        }
    }

    public boolean finished() {
        return step >= config.steps() || stoppedEarly;
    }

    public int stepsDone() {
        return step;
    }

    public double bestValidationLoss() {
        return bestValidationLoss;
    }

    /** The parameters with the best validation loss so far (the current ones before any evaluation). */
    public float[] bestParameters() {
        return bestParameters == null ? model.parameters().clone() : bestParameters.clone();
    }

    public StepReport step() {
        if (finished()) {
            throw new IllegalStateException("training has finished");
        }
        long start = System.nanoTime();
        // The batch of a step depends only on the seed and the step: a run resumed from a checkpoint
        // continues exactly as it would have without the interruption.
        TokenDataset.sample(data.train(), new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + step),
                config.batch(), time, inputs, targets);
        model.zeroGradients();
        double loss = model.forward(inputs, 0, targets, 0, config.batch(), time);
        model.backward();
        double[] layerNorms = GradientClipping.perLayer(model.layout(), model.gradients());
        double norm = GradientClipping.clip(model.gradients(), config.gradientClip());
        float lr = schedule.at(step);
        optimizer.step(model.parameters(), model.gradients(), lr);
        double seconds = (System.nanoTime() - start) / 1e9;
        step++;

        double validationLoss = Double.NaN;
        if (step % config.evalEvery() == 0 || step == config.steps()) {
            validationLoss = evaluate();
            if (validationLoss < bestValidationLoss) {
                bestValidationLoss = validationLoss;
                bestParameters = model.parameters().clone();
                evaluationsWithoutImprovement = 0;
            } else if (config.patience() > 0 && ++evaluationsWithoutImprovement >= config.patience()) {
                stoppedEarly = true;
            }
        }
        return new StepReport(step, loss, validationLoss, lr, norm, layerNorms,
                config.batch() * time / seconds, stoppedEarly);
    }

    /** Everything a checkpoint needs to continue the run exactly. */
    public record State(int step, float[] parameters, float[] firstMoments, float[] secondMoments, int optimizerSteps,
                        double bestValidationLoss, float[] bestParameters, int evaluationsWithoutImprovement) {
    }

    public State state() {
        return new State(step, model.parameters().clone(), optimizer.firstMoments().clone(), optimizer.secondMoments().clone(),
                optimizer.steps(), bestValidationLoss, bestParameters == null ? null : bestParameters.clone(),
                evaluationsWithoutImprovement);
    }

    /** A trainer that continues from {@code state} (the model's parameters are replaced by the state's). */
    public static Trainer restore(Gpt model, TrainingConfig config, TokenDataset data, State state) {
        Trainer trainer = new Trainer(model, config, data);
        System.arraycopy(state.parameters(), 0, model.parameters(), 0, state.parameters().length);
        trainer.optimizer.restore(state.firstMoments(), state.secondMoments(), state.optimizerSteps());
        trainer.step = state.step();
        trainer.bestValidationLoss = state.bestValidationLoss();
        trainer.bestParameters = state.bestParameters() == null ? null : state.bestParameters().clone();
        trainer.evaluationsWithoutImprovement = state.evaluationsWithoutImprovement();
        return trainer;
    }

    /** Mean loss over the fixed validation windows. */
    public double evaluate() {
        double sum = 0;
        int n = config.batch() * time;
        for (int i = 0; i < config.evalBatches(); i++) {
            sum += model.forward(validationInputs, i * n, validationTargets, i * n, config.batch(), time);
        }
        return sum / config.evalBatches();
    }
}
