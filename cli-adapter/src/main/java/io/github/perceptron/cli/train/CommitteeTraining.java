package io.github.perceptron.cli.train;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.common.CompareRunners;
import io.github.perceptron.cli.common.ModelCodec;
import io.github.perceptron.cli.common.PlanCodec;
import io.github.perceptron.cli.common.UseCases;
import io.github.perceptron.core.data.DatasetSource;
import io.github.perceptron.core.data.Split;
import io.github.perceptron.core.data.ValidationSplit;
import io.github.perceptron.core.eval.Evaluation;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.ModelStoreException;
import io.github.perceptron.core.model.Provenance;
import io.github.perceptron.core.train.DivergenceException;
import io.github.perceptron.core.train.Threads;
import io.github.perceptron.core.train.TrainingPlan;
import io.github.perceptron.dataset.DataLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code train --committee N}: N members, each exactly the run {@code train --seed S+k} (with its
 * layers from {@code --committee-layers}) would make, trained side by side on the threads, then
 * averaged into one committee model. Each finished member is saved beside the model (in
 * {@code <model>.members/}) as it ends, so a stopped or killed committee run, given the same command,
 * keeps its finished members and trains the rest; and a larger N on a saved committee trains only
 * the new members. Members choose their epochs on the validation
 * images when there are any; the test images are touched once, by the whole committee, at the end.
 */
final class CommitteeTraining {

    private final UseCases useCases;
    private final CompareRunners places;
    private final PlanCodec codec;
    private final ModelCodec models;
    private final ModelStore store;
    private final Clock clock;
    private final CommitteeReporter reporter;

    CommitteeTraining(UseCases useCases, CompareRunners places, PlanCodec codec, ModelCodec models, ModelStore store,
                      Clock clock, CommitteeReporter reporter) {
        this.useCases = useCases;
        this.places = places;
        this.codec = codec;
        this.models = models;
        this.store = store;
        this.clock = clock;
        this.reporter = reporter;
    }

    /** What a committee run ends with: the committee and its test figures, or the members finished before a stop. */
    record Outcome(Model committee, Evaluation test, int finished, boolean stopped) {
    }

    /** Where the members of the committee saved at {@code model} are kept while it trains. */
    static Path membersBeside(Path model) {
        return model.resolveSibling(model.getFileName() + ".members");
    }

    /** Where the members train: here, side by side on the threads, or as Spark tasks on {@code master}. */
    record Placement(String master, DataLocation data, Threads threads) {
    }

    /**
     * Trains the members not already finished (in {@code members}, or in the committee saved at
     * {@code model}) and, once all are, the committee.
     *
     * @param plans   each member's plan, in member order
     * @param splits  each plan's validation images, as {@code train} alone holds them out for its seed
     * @param stop    whether the user asked to stop (a member then ends after its epoch and is not kept)
     */
    Outcome train(DatasetSource source, List<TrainingPlan> plans, Function<TrainingPlan, ValidationSplit> splits,
                  Placement placement, Path model, BooleanSupplier stop) {
        Path members = membersBeside(model);
        int count = plans.size();
        Model[] done = new Model[count];
        List<Integer> left = new ArrayList<>();
        List<Model> saved = saved(model);
        for (int k = 0; k < count; k++) {
            done[k] = finishedMember(memberFile(members, k), saved, k, plans.get(k), source.describe()).orElse(null);
            if (done[k] == null) {
                left.add(k);
            }
        }
        reporter.started(count, count - left.size(), left.stream().mapToInt(k -> plans.get(k).epochs()).sum(),
                source.describe());
        if (!left.isEmpty()) {
            createDirectories(members);
        }
        // On a cluster the executors check the data they read against the digests of what is read here.
        String digest = placement.master() == null ? null : source.load(Split.TRAIN).contentDigest();
        String testDigest = placement.master() == null ? null : source.load(Split.TEST).contentDigest();
        List<CommitteeMemberRun> runs = new ArrayList<>();
        for (int k : left) {
            TrainingPlan plan = plans.get(k);
            runs.add(new CommitteeMemberRun(k, codec.write(plan), codec, models, splits.apply(plan), placement.data(), digest,
                    testDigest, source, useCases, stop, reporter::epochDone));
        }
        boolean[] stopped = {false};
        Consumer<CommitteeMemberRun.Trained> keep = trained -> {
            if (trained.stopped()) {
                stopped[0] = true;
                return;
            }
            Path file = memberFile(members, trained.index());
            MemberDocuments.write(trained.document(), file);
            done[trained.index()] = store.load(file);
            reporter.memberFinished(trained.index(), count, done[trained.index()], trained.keptEpoch(),
                    trained.heldOutAccuracy());
        };
        try {
            if (placement.master() == null) {
                sideBySide(runs, placement.threads(), keep);
            } else {
                places.runAll(placement.master(), runs, keep);
            }
        } catch (RuntimeException failed) {
            removeIfEmpty(members);  // made for this run, which kept nothing in it
            throw failed;
        }
        int finished = (int) java.util.Arrays.stream(done).filter(java.util.Objects::nonNull).count();
        if (stopped[0]) {
            return new Outcome(null, null, finished, true);
        }
        List<Model> all = List.of(done);
        Model unmeasured = Model.committee(all, metadata(all, plans, source, OptionalDouble.empty()));
        Evaluation test = unmeasured.evaluate(source.load(Split.TEST));
        Model committee = unmeasured.withMetadata(metadata(all, plans, source, OptionalDouble.of(test.accuracy())));
        return new Outcome(committee, test, finished, false);
    }

    /**
     * Members here, in waves of as many as there are threads (up to the members), each wave's
     * threads shared among its members: members of one recipe end together, and a last, smaller
     * wave gets the threads the others leave (five members on two cores: two, two, then one on
     * both). Threads change the speed only, never the bits. After a stop no wave starts.
     */
    private static void sideBySide(List<CommitteeMemberRun> runs, Threads threads, Consumer<CommitteeMemberRun.Trained> keep) {
        if (runs.isEmpty()) {
            return;
        }
        int side = Math.max(1, Math.min(runs.size(), threads.count()));
        ExecutorService pool = Executors.newFixedThreadPool(side, runnable -> {
            Thread thread = new Thread(runnable, "committee member");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int from = 0; from < runs.size(); from += side) {
                List<CommitteeMemberRun> wave = runs.subList(from, Math.min(runs.size(), from + side));
                int each = Math.max(1, threads.count() / wave.size());
                List<Future<CommitteeMemberRun.Trained>> running = new ArrayList<>();
                for (CommitteeMemberRun run : wave) {
                    running.add(pool.submit(() -> run.run(each)));
                }
                boolean stopped = false;
                for (int i = 0; i < wave.size(); i++) {
                    CommitteeMemberRun.Trained trained = await(running.get(i), wave.get(i).index());
                    stopped |= trained.stopped();
                    keep.accept(trained);
                }
                if (stopped) {
                    return;  // a stop: the waves after it would only start to stop
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Removes the members' files once the committee is saved: the model file holds them all. */
    static void forgetMembers(Path members, int count) {
        try {
            for (int k = 0; k < count; k++) {
                Files.deleteIfExists(memberFile(members, k));
            }
            Files.deleteIfExists(members);
        } catch (java.io.IOException e) {
            // Left behind, they cost disk only: the next run with this model's name checks them again.
        }
    }

    private static void removeIfEmpty(Path members) {
        try {
            Files.deleteIfExists(members);
        } catch (java.io.IOException e) {
            // not empty (members an earlier run finished), or not ours to remove
        }
    }

    static Path memberFile(Path members, int k) {
        return members.resolve("member-" + (k + 1) + ".json");
    }

    /**
     * The members a committee already saved at {@code model} holds (a run with a larger N grows it);
     * none when there is no committee there, or it cannot be read.
     */
    private List<Model> saved(Path model) {
        if (!Files.isRegularFile(model)) {
            return List.of();
        }
        try {
            Model existing = store.load(model);
            return existing.isCommittee() ? existing.members() : List.of();
        } catch (ModelStoreException e) {
            return List.of();
        }
    }

    /**
     * Member k as an earlier run left it: its own file from a run cut short, or member k of the
     * committee already saved; kept when it is the same plan on the same data, else trained again.
     */
    private Optional<Model> finishedMember(Path file, List<Model> saved, int k, TrainingPlan plan, String dataset) {
        Optional<Model> found = Optional.empty();
        if (Files.isRegularFile(file)) {
            try {
                found = Optional.of(store.load(file));
            } catch (ModelStoreException e) {
                found = Optional.empty();  // cut short or damaged: trained again
            }
        }
        if (found.isEmpty() && k < saved.size()) {
            found = Optional.of(saved.get(k));
        }
        return found.filter(member -> matches(member, plan, dataset));
    }

    private static boolean matches(Model member, TrainingPlan plan, String dataset) {
        Optional<Provenance> provenance = member.metadata().provenance();
        return !member.isCommittee() && provenance.isPresent() && member.metadata().dataset().equals(dataset)
                && samePlan(provenance.get(), plan);
    }

    /** Whether {@code provenance} records {@code plan}: compared as the plain data a provenance keeps. */
    private static boolean samePlan(Provenance provenance, TrainingPlan plan) {
        Provenance planned = new Provenance(plan.describe(), provenance.trainDigest(), provenance.testDigest(),
                provenance.validation(), provenance.keptEpoch(), provenance.keptBecause(), provenance.kernel(),
                provenance.threads(), provenance.java(), provenance.cpu(), provenance.gitCommit());
        return planned.plan().equals(provenance.plan());
    }

    /** The committee's own metadata: its members' data and machine, and a plan that says how they were made. */
    private ModelMetadata metadata(List<Model> members, List<TrainingPlan> plans, DatasetSource source,
                                   OptionalDouble accuracy) {
        Model first = members.get(0);
        int epochs = members.stream().mapToInt(member -> member.metadata().epochs()).max().orElse(0);
        ModelMetadata metadata = new ModelMetadata(source.describe(), plans.get(0).seed(), epochs, accuracy,
                ModelMetadata.currentToolVersion(), clock.instant());
        Optional<Provenance> from = first.metadata().provenance();
        if (from.isEmpty()) {
            return metadata;
        }
        Provenance p = from.get();
        Map<String, Object> plan = new LinkedHashMap<>();
        Map<String, Object> committee = new LinkedHashMap<>(Map.of("members", (long) members.size(),
                "seeds", plans.stream().map(TrainingPlan::seed).toList(),
                "layers", plans.stream().map(member -> member.network().sizes().stream().map(Integer::longValue).toList())
                        .toList(),
                "combination", "mean of the members' probabilities"));
        if (plans.stream().anyMatch(member -> !member.inputNormalisation().isNone())) {
            committee.put("inputNormalisations", plans.stream().map(member -> member.inputNormalisation().id()).toList());
        }
        plan.put("committee", committee);
        plan.putAll(plans.get(0).describe());
        plan.remove("seed");
        plan.remove("layers");
        plan.remove("inputNormalisation");  // each member's is in the committee's list
        return metadata.withProvenance(new Provenance(plan, p.trainDigest(), p.testDigest(), p.validation(), epochs,
                "every member, each at the epoch its own run kept", p.kernel(), p.threads(), p.java(), p.cpu(),
                p.gitCommit()));
    }

    private static CommitteeMemberRun.Trained await(Future<CommitteeMemberRun.Trained> member, int k) {
        try {
            return member.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted while member " + (k + 1) + " trained");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DivergenceException diverged) {
                throw new CommandFailure("member " + (k + 1) + ": " + diverged.getMessage());
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void createDirectories(Path members) {
        try {
            Files.createDirectories(members);
        } catch (java.io.IOException e) {
            throw new CommandFailure(members + ": cannot make the directory for the committee's members: " + e.getMessage());
        }
    }
}
