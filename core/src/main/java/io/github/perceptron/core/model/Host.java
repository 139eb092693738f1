package io.github.perceptron.core.model;

/**
 * The machine a model was trained on, as its provenance records it: the Java runtime, the
 * processor, and the commit the application was built from. Core reads none of these itself (no
 * system property, no {@code /proc}): the application fills them, the command line from the JVM
 * and the OS, an embedder as it wishes; {@link #UNRECORDED} leaves them empty.
 *
 * @param java   the Java runtime, e.g. {@code Eclipse Adoptium 17.0.15}
 * @param cpu    the processor, e.g. {@code AMD EPYC 9B14, amd64}
 * @param commit the commit the application was built from, empty when unknown
 */
public record Host(String java, String cpu, String commit) {

    /** Nothing recorded: empty runtime, processor and commit. */
    public static final Host UNRECORDED = new Host("", "", "");

    /**
     * Reads a null as empty.
     *
     * @param java the Java runtime, e.g. {@code Eclipse Adoptium 17.0.15}
     * @param cpu the processor, e.g. {@code AMD EPYC 9B14, amd64}
     * @param commit the commit the application was built from, empty when unknown
     */
    public Host {
        java = java == null ? "" : java;
        cpu = cpu == null ? "" : cpu;
        commit = commit == null ? "" : commit;
    }
}
