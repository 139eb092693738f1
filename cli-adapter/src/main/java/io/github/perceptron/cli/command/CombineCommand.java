package io.github.perceptron.cli.command;

import io.github.perceptron.cli.common.CommandFailure;
import io.github.perceptron.cli.console.Console;
import io.github.perceptron.cli.files.OutputChecks;
import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.ModelMetadata;
import io.github.perceptron.core.model.ModelStore;
import io.github.perceptron.core.model.Provenance;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code perceptron combine}: one committee of the networks in several saved models, trained by
 * separate runs, on other days or machines. It chooses nothing and measures nothing: every network
 * of every file is a member, in the order given, and {@code evaluate} measures the result.
 */
@Command(name = "combine", mixinStandardHelpOptions = true,
        description = {"Make one committee of the networks in saved models (single networks or committees), in "
                + "the order given: it answers with the mean of their probabilities, and evaluate, predict, info, "
                + "serve and export take it like a committee train --committee made.",
                "Each member keeps its weights, input normalisation and provenance. Nothing is measured or chosen "
                        + "here; measure the committee with: perceptron evaluate -m FILE."})
public final class CombineCommand implements Callable<Integer> {

    /** Said of a provenance field whose value differs between the members. */
    static final String EACH_OWN = "each member's own";

    private final ModelStore store;
    private final Console console;
    private final Clock clock;

    @Parameters(paramLabel = "MODEL", arity = "1..*", description = "Saved models whose networks become the members.")
    List<Path> models;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "Where to save the committee.")
    Path out;

    @Inject
    CombineCommand(ModelStore store, Console console, Clock clock) {
        this.store = store;
        this.console = console;
        this.clock = clock;
    }

    /** A network to combine, with the file and the place in it it came from (for messages). */
    private record Member(Model network, Path file, int index, boolean fromCommittee) {
        String where() {
            return fromCommittee ? file + " (member " + (index + 1) + ")" : file.toString();
        }
    }

    @Override
    public Integer call() {
        OutputChecks.readingFiles(models.toArray(Path[]::new)).add("--out", out);
        List<Member> members = new ArrayList<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Path file : models) {
            Model model = store.load(file);
            List<Model> networks = model.isCommittee() ? model.members() : List.of(model);
            for (int k = 0; k < networks.size(); k++) {
                members.add(new Member(networks.get(k), file, k, model.isCommittee()));
            }
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("file", String.valueOf(file.getFileName()));
            source.put("members", (long) networks.size());
            source.put("weights", model.weightsDigest());
            sources.add(source);
        }
        check(members);
        List<Model> networks = members.stream().map(Member::network).toList();
        Model committee = Model.committee(networks, metadata(networks, sources));
        store.save(committee, out);
        report(members, committee);
        return 0;
    }

    /** Refuses, in one line naming the files, members that would not make an honest committee. */
    private static void check(List<Member> members) {
        if (members.size() < 2) {
            throw new CommandFailure(members.get(0).where() + ": a committee needs at least two networks, and "
                    + "this is one; name more models");
        }
        if (members.size() > Model.MAX_MEMBERS) {
            throw new CommandFailure("these models hold " + members.size() + " networks; a committee holds at most "
                    + Model.MAX_MEMBERS);
        }
        Member first = members.get(0);
        for (int k = 1; k < members.size(); k++) {
            Member member = members.get(k);
            Model a = first.network();
            Model b = member.network();
            if (a.width() != b.width() || a.height() != b.height() || !a.classNames().equals(b.classNames())) {
                throw new CommandFailure(member.where() + " takes " + b.width() + "×" + b.height() + " images into "
                        + b.classNames() + ", " + first.where() + " " + a.width() + "×" + a.height() + " into "
                        + a.classNames() + "; a committee's members take the same images into the same classes");
            }
            if (!a.spec().loss().id().equals(b.spec().loss().id())) {
                throw new CommandFailure(member.where() + " was trained under the " + b.spec().loss().id() + " loss, "
                        + first.where() + " under " + a.spec().loss().id() + "; their probabilities do not average");
            }
            sameData(first, member);
            for (int j = 0; j < k; j++) {
                Member earlier = members.get(j);
                if (earlier.network().weightsDigest().equals(b.weightsDigest())
                        && earlier.network().inputNormalisation().equals(b.inputNormalisation())) {
                    throw new CommandFailure(member.where() + " is the same network as " + earlier.where() + " ("
                            + b.weightsDigest() + "); a copy would count twice in the mean, so give each network once");
                }
            }
        }
    }

    /** Members that record their data must have seen the same training and test images. */
    private static void sameData(Member first, Member member) {
        Optional<Provenance> a = first.network().metadata().provenance();
        Optional<Provenance> b = member.network().metadata().provenance();
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        boolean train = a.get().trainDigest().equals(b.get().trainDigest());
        if (!train || !a.get().testDigest().equals(b.get().testDigest())) {
            String images = train ? "test images " + b.get().testDigest() + " against " + a.get().testDigest()
                    : "training images " + b.get().trainDigest() + " against " + a.get().trainDigest();
            throw new CommandFailure(member.where() + " was made with other data than " + first.where() + " (" + images
                    + "); combine networks of one dataset");
        }
    }

    /**
     * The committee's own record: the first member's seed, the most epochs of any, no test figure
     * (nothing is measured here), and a provenance naming the members and the files they came from;
     * none when a member has none (a file from before format version 2, or an ONNX import).
     */
    private ModelMetadata metadata(List<Model> networks, List<Map<String, Object>> sources) {
        Model first = networks.get(0);
        int epochs = networks.stream().mapToInt(network -> network.metadata().epochs()).max().orElse(0);
        ModelMetadata metadata = new ModelMetadata(first.metadata().dataset(), first.metadata().seed(), epochs,
                OptionalDouble.empty(), ModelMetadata.currentToolVersion(), clock.instant());
        if (networks.stream().anyMatch(network -> network.metadata().provenance().isEmpty())) {
            return metadata;
        }
        List<Provenance> provenances = networks.stream().map(network -> network.metadata().provenance().orElseThrow()).toList();
        Map<String, Object> committee = new LinkedHashMap<>();
        committee.put("members", (long) networks.size());
        committee.put("seeds", networks.stream().map(network -> network.metadata().seed()).toList());
        committee.put("layers", networks.stream()
                .map(network -> network.spec().sizes().stream().map(Integer::longValue).toList()).toList());
        committee.put("combination", "mean of the members' probabilities");
        if (networks.stream().anyMatch(network -> !network.inputNormalisation().isNone())) {
            committee.put("inputNormalisations", networks.stream().map(network -> network.inputNormalisation().id()).toList());
        }
        committee.put("combinedFrom", sources);
        Provenance p = provenances.get(0);
        return metadata.withProvenance(new Provenance(Map.of("committee", committee), p.trainDigest(), p.testDigest(),
                common(provenances, Provenance::validation), epochs,
                "every member at the epoch its own run kept; combined by perceptron combine",
                common(provenances, Provenance::kernel), p.threads(), common(provenances, Provenance::java),
                common(provenances, Provenance::cpu), common(provenances, Provenance::gitCommit)));
    }

    /** The members' common value of a field, or {@link #EACH_OWN} where they differ. */
    private static String common(List<Provenance> provenances, Function<Provenance, String> field) {
        String value = field.apply(provenances.get(0));
        return provenances.stream().map(field).allMatch(value::equals) ? value : EACH_OWN;
    }

    private void report(List<Member> members, Model committee) {
        PrintWriter out = console.out();
        out.printf(Locale.ROOT, "saved a committee of %d members to %s (%s); it answers with the mean of their "
                + "probabilities%n", members.size(), this.out, committee.weightsDigest());
        for (int k = 0; k < members.size(); k++) {
            Member member = members.get(k);
            ModelMetadata metadata = member.network().metadata();
            out.printf(Locale.ROOT, "  member %-3d %s: %s%s, seed %d, %d epochs, %s%n", k + 1, member.where(),
                    member.network().spec().sizes(), member.network().inputNormalisation().isNone() ? ""
                            : " " + member.network().inputNormalisation().id(), metadata.seed(), metadata.epochs(),
                    InfoCommand.testAccuracy(metadata));
        }
        out.println("measure it with: perceptron evaluate -m " + this.out);
    }
}
