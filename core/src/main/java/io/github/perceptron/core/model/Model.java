package io.github.perceptron.core.model;

import io.github.perceptron.core.data.InputNormalisation;
import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.core.engine.Evaluator;
import io.github.perceptron.core.engine.Network;
import io.github.perceptron.core.engine.Parameter;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.network.NetworkSpec;
import io.github.perceptron.core.random.SeededRandom;
import io.github.perceptron.core.values.PixelCheck;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A trained network ready to classify {@code width×height} images into named classes; or a
 * committee of such networks ({@link #committee}), whose answer is the mean of its members'
 * probabilities.
 *
 * <p>Immutable and thread-safe: {@link #predict}, {@link #predictAll} and {@link #evaluate} run
 * concurrently from any number of threads, without a lock, each giving the bits it gives alone.
 * Each concurrent caller computes in its own buffers, made on first need and kept for reuse, so a
 * model holds one set per thread that has predicted at once (a few hundred kilobytes for a
 * [784,800,800,10] network). The first predictions of a new JVM are slow while the JIT compiles:
 * see {@link #warmUp()}.
 */
public final class Model {

    /** The most members a committee holds. */
    public static final int MAX_MEMBERS = 64;

    /** Rows per pass in {@link #predictAll}: keeps the network's buffers small for any request size. */
    private static final int BATCH = 64;

    /** Predictions {@link #warmUp()} runs: measured, the JIT has compiled the prediction path by then (docs/embedding.md). */
    static final int WARM_UP_PREDICTIONS = 2_000;

    /** The network; null for a committee. */
    private final Network network;
    private final Predictors predictors;
    /** A committee's members, in order; empty for a single network. */
    private final List<Model> members;
    private final MemberVotes votes;
    private final int width;
    private final int height;
    private final List<String> classNames;
    private final ModelMetadata metadata;
    /** What a single network's images go through first; NONE for a committee, whose members each have their own. */
    private final InputNormalisation normalisation;
    /** Computed on first use: a model's weights never change. */
    private String weightsDigest;

    /** A model around {@code network}, which it owns from now on: see {@link #restore} for the public way in. */
    Model(Network network, int width, int height, List<String> classNames, ModelMetadata metadata) {
        this(network, new Predictors(network), width, height, classNames, metadata, InputNormalisation.NONE);
    }

    private Model(Network network, Predictors predictors, int width, int height, List<String> classNames,
                  ModelMetadata metadata, InputNormalisation normalisation) {
        NetworkSpec spec = network.spec();
        if (width * height != spec.inputs()) {
            throw new IllegalArgumentException(width + "×" + height + " images do not fit a network of "
                    + spec.inputs() + " inputs");
        }
        if (classNames.size() != spec.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for a network of "
                    + spec.classes() + " outputs");
        }
        this.network = network;
        this.predictors = predictors;
        this.members = List.of();
        this.votes = null;
        this.width = width;
        this.height = height;
        this.classNames = List.copyOf(classNames);
        this.metadata = metadata;
        this.normalisation = normalisation;
    }

    private Model(List<Model> members, ModelMetadata metadata) {
        Model first = members.get(0);
        this.network = null;
        this.predictors = null;
        this.members = List.copyOf(members);
        this.width = first.width;
        this.height = first.height;
        this.classNames = first.classNames;
        this.metadata = metadata;
        this.normalisation = InputNormalisation.NONE;
        this.votes = new MemberVotes(this.members, width * height, classNames.size());
    }

    /**
     * A committee: a model whose probabilities are the mean of its members' (summed in member order
     * in float, then divided by their number). Members may differ in architecture, but take the same
     * images, name the same classes and are trained under the same loss.
     *
     * @param members  the members, in order, 1 to {@value #MAX_MEMBERS}; none may be a committee itself
     * @param metadata where the committee came from (each member keeps its own)
     * @return the committee
     * @throws IllegalArgumentException if there are no members, or they do not fit together
     */
    public static Model committee(List<Model> members, ModelMetadata metadata) {
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a committee has 1 to " + MAX_MEMBERS + " members, not " + members.size());
        }
        Model first = members.get(0);
        for (int k = 0; k < members.size(); k++) {
            Model member = members.get(k);
            if (member.isCommittee()) {
                throw new IllegalArgumentException("member " + (k + 1) + " is a committee itself");
            }
            if (member.width != first.width || member.height != first.height
                    || !member.classNames.equals(first.classNames)) {
                throw new IllegalArgumentException("member " + (k + 1) + " takes " + member.width + "×" + member.height
                        + " images into " + member.classNames + ", member 1 " + first.width + "×" + first.height
                        + " into " + first.classNames);
            }
            if (!member.spec().loss().id().equals(first.spec().loss().id())) {
                throw new IllegalArgumentException("member " + (k + 1) + " was trained under the " + member.spec().loss().id()
                        + " loss, member 1 under " + first.spec().loss().id());
            }
        }
        return new Model(members, metadata);
    }

    /** @return the parameters this model computes with: its network's, or all its members' */
    public long parameterCount() {
        return isCommittee() ? members.stream().mapToLong(Model::parameterCount).sum() : network.spec().parameterCount();
    }

    /** @return whether this model is a committee ({@link #committee}) rather than one network */
    public boolean isCommittee() {
        return network == null;
    }

    /** @return a committee's members, in order (unmodifiable); empty for a single network */
    public List<Model> members() {
        return members;
    }

    /**
     * A model from saved weights, in {@link #weights()} order: per dense layer, its weights then its biases.
     *
     * @param spec       the architecture
     * @param values     per dense layer, its weights ({@code inputs × outputs}, row-major by input) then its
     *                   biases; copied
     * @param width      image width; {@code width × height} must be the network's inputs
     * @param height     image height
     * @param classNames one name per output, in output order
     * @param metadata   where the model came from
     * @return the model
     * @throws IllegalArgumentException when the values do not match the architecture
     */
    public static Model restore(NetworkSpec spec, List<float[]> values, int width, int height,
                                List<String> classNames, ModelMetadata metadata) {
        Network network = Network.create(spec, new SeededRandom(0));
        List<Parameter> parameters = network.parameters();
        if (values.size() != parameters.size()) {
            throw new IllegalArgumentException("expected " + parameters.size() + " parameter tensors, got " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            float[] target = parameters.get(i).values();
            if (values.get(i).length != target.length) {
                throw new IllegalArgumentException("parameter tensor " + i + " should hold " + target.length
                        + " values, holds " + values.get(i).length);
            }
            System.arraycopy(values.get(i), 0, target, 0, target.length);
        }
        return new Model(network, width, height, classNames, metadata);
    }

    /**
     * The architecture.
     *
     * @return the network's architecture
     * @throws IllegalStateException for a committee, whose members each have their own ({@link #members()})
     */
    public NetworkSpec spec() {
        return single().spec();
    }

    private Network single() {
        if (network == null) {
            throw new IllegalStateException("a committee has no single architecture or weights: each of its "
                    + members.size() + " members has its own");
        }
        return network;
    }

    /**
     * Copies of the trained weights, as {@link #restore} takes them: per dense layer, its weights
     * ({@code inputs × outputs}, row-major by input) then its biases ({@code outputs}). Changing them
     * does not change the model (which may be serving predictions on other threads).
     *
     * @return one new array per tensor
     * @throws IllegalStateException for a committee, whose members each have their own ({@link #members()})
     */
    public List<float[]> weights() {
        return single().parameters().stream().map(p -> p.values().clone()).toList();
    }

    /**
     * {@code sha256:} and the hex SHA-256 of the parameters' exact bits: each value's IEEE 754 bit
     * pattern, little-endian, tensor after tensor in {@link #weights()} order. Two models with the
     * same digest and spec compute the same; the same seed and plan give the same digest on any
     * machine, kernel and thread count. A committee's covers its members' parameters, member after
     * member.
     *
     * @return {@code sha256:} followed by 64 hex digits
     */
    public synchronized String weightsDigest() {
        if (weightsDigest == null) {
            weightsDigest = digestOfWeights();
        }
        return weightsDigest;
    }

    private String digestOfWeights() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        List<Parameter> parameters = isCommittee()
                ? members.stream().flatMap(member -> member.network.parameters().stream()).toList()
                : network.parameters();
        for (Parameter parameter : parameters) {
            for (float value : parameter.values()) {
                if (!bytes.hasRemaining()) {
                    digest.update(bytes.array(), 0, bytes.position());
                    bytes.clear();
                }
                bytes.putInt(Float.floatToRawIntBits(value));
            }
        }
        digest.update(bytes.array(), 0, bytes.position());
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** @return the width of the images this model takes, in pixels */
    public int width() {
        return width;
    }

    /** @return the height of the images this model takes, in pixels */
    public int height() {
        return height;
    }

    /** @return one name per class, in the order of the network's outputs (unmodifiable) */
    public List<String> classNames() {
        return classNames;
    }

    /** @return where this model came from */
    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * The same network with new metadata.
     *
     * @param newMetadata the metadata of the copy
     * @return a model sharing this one's weights (and its buffers, so predictions on both scale together)
     */
    public Model withMetadata(ModelMetadata newMetadata) {
        return isCommittee() ? new Model(members, newMetadata)
                : new Model(network, predictors, width, height, classNames, newMetadata, normalisation);
    }

    /**
     * The same network, normalising each image as {@code newNormalisation} says before the network
     * sees it: a model trained on normalised images (a plan's {@code inputNormalisation}) predicts
     * only through the same normalisation.
     *
     * @param newNormalisation how images are normalised before the network
     * @return a model sharing this one's weights and buffers
     * @throws IllegalStateException for a committee, whose members each normalise their own way
     */
    public Model withInputNormalisation(InputNormalisation newNormalisation) {
        return new Model(single(), predictors, width, height, classNames, metadata, newNormalisation);
    }

    /** @return how each image is normalised before the network sees it; {@code NONE} for a committee (its members' are theirs) */
    public InputNormalisation inputNormalisation() {
        return normalisation;
    }

    /**
     * Classifies one image.
     *
     * @param pixels {@code width×height} values in {@code [0,1]}, row-major (0 is the background,
     *               1 the ink, as {@code DigitImages.read} in the dataset adapter makes them); not kept
     * @return the most likely class and every class's probability
     * @throws IllegalArgumentException if {@code pixels} has another length, or a value that is not in
     *                                  {@code [0,1]} (NaN and the infinities included): the message
     *                                  names its index and value
     */
    public Prediction predict(float[] pixels) {
        PixelCheck.check(pixels, width * height, "");
        if (isCommittee()) {
            float[] mean = votes.mean(pixels, 1);
            int label = MemberVotes.mostLikely(mean, 0, classNames.size());
            return new Prediction(label, classNames.get(label), mean);
        }
        float[] input = normalisation.isNone() ? pixels : normalisation.apply(pixels, width, height);
        return predictors.apply(network -> {
            float[] probabilities = new float[network.spec().classes()];
            network.predict(input, 1, probabilities);
            int label = network.predictedClass(0);
            return new Prediction(label, classNames.get(label), probabilities);
        });
    }

    /**
     * Classifies several images in one pass through the network (faster than one by one). Each
     * answer is bit-identical to {@link #predict(float[])} on that image alone.
     *
     * @param images each as {@link #predict} takes it; not kept
     * @return one prediction per image, in order
     * @throws IllegalArgumentException if an image has another length, or a value that is not in
     *                                  {@code [0,1]}: the message names the image, the index and the value
     */
    public List<Prediction> predictAll(List<float[]> images) {
        int inputs = width * height;
        for (int i = 0; i < images.size(); i++) {
            PixelCheck.check(images.get(i), inputs, "image " + i + ": ");
        }
        return predictInBatches(images);
    }

    private List<Prediction> predictInBatches(List<float[]> images) {
        int inputs = width * height;
        int classes = classNames.size();
        List<Prediction> predictions = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += BATCH) {
            int rows = Math.min(BATCH, images.size() - from);
            float[] batch = new float[rows * inputs];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(images.get(from + r), 0, batch, r * inputs, inputs);
            }
            float[] probabilities;
            if (isCommittee()) {
                probabilities = votes.mean(batch, rows);
            } else {
                probabilities = new float[rows * classes];
                probabilities(batch, rows, probabilities);
            }
            for (int r = 0; r < rows; r++) {
                int label = MemberVotes.mostLikely(probabilities, r, classes);
                predictions.add(new Prediction(label, classNames.get(label),
                        Arrays.copyOfRange(probabilities, r * classes, (r + 1) * classes)));
            }
        }
        return predictions;
    }

    /** A single network's probabilities for {@code rows} images laid out row after row in {@code batch}. */
    void probabilities(float[] batch, int rows, float[] into) {
        float[] input = normalised(batch, rows);
        predictors.apply(network -> {
            network.predict(input, rows, into);
            return null;
        });
    }

    /** The batch's images normalised, row by row (a new array), or the batch itself when this model does not normalise. */
    private float[] normalised(float[] batch, int rows) {
        if (normalisation.isNone()) {
            return batch;
        }
        int inputs = width * height;
        float[] result = new float[rows * inputs];
        for (int r = 0; r < rows; r++) {
            float[] image = normalisation.apply(Arrays.copyOfRange(batch, r * inputs, (r + 1) * inputs), width, height);
            System.arraycopy(image, 0, result, r * inputs, inputs);
        }
        return result;
    }

    /**
     * Runs {@value #WARM_UP_PREDICTIONS} predictions of made-up images, so that the JIT compiles the
     * prediction path before real requests arrive: a service calls it once after loading a model,
     * before it says it is ready. It changes nothing in the model, and takes about as long as those
     * predictions (tens of milliseconds for a [784,512,10] network once compiled). The first
     * prediction of a fresh JVM takes hundreds of times a warm one, and the next thousand several
     * times: the figures are in docs/embedding.md.
     *
     * @return this model, so that {@code Model model = store.load(path).warmUp();} reads as one step
     */
    public Model warmUp() {
        float[] image = new float[width * height];
        for (int call = 0; call < WARM_UP_PREDICTIONS; call++) {
            for (int p = 0; p < image.length; p++) {
                image[p] = ((p * 31 + call * 17) % 97) / 96f;  // values across [0,1], different each call
            }
            predict(image);
        }
        return this;
    }

    /**
     * Loss, accuracy and confusion matrix on {@code images}.
     *
     * @param images labelled images of this model's size, with no more classes than it has
     * @return the evaluation, whose confusion matrix has a row and a column per class of this model
     * @throws IllegalArgumentException if the images do not fit the model
     */
    public Evaluation evaluate(LabelledImages images) {
        if (isCommittee()) {
            return votes.evaluate(images, classNames, members.get(0).spec().loss());
        }
        LabelledImages input = normalisation.apply(images);
        return predictors.apply(network -> Evaluator.evaluate(network, input, classNames));
    }

    /**
     * A committee against its own beginnings: the evaluation of the committee of its first k
     * members, for k from 1 to all, each the same as {@code Model.committee(members().subList(0, k),
     * ...).evaluate(images)}, from one pass of each member over the images (evaluating each of
     * those committees runs its members again: N(N+1)/2 passes).
     *
     * @param images labelled images of this model's size, with no more classes than it has
     * @return one evaluation per member, in member order, the last the whole committee's; for a
     *         single network, its own evaluation alone
     * @throws IllegalArgumentException if the images do not fit the model
     */
    public List<Evaluation> evaluateFirstMembers(LabelledImages images) {
        if (!isCommittee()) {
            return List.of(evaluate(images));
        }
        return votes.evaluateFirst(images, classNames, members.get(0).spec().loss());
    }
}
