package io.github.perceptron.cli.host;

import io.github.perceptron.core.model.Host;

/**
 * What the command line tells core about this machine, for provenance and for {@code info} and
 * {@code bench}: the Java runtime, the processor (read once: {@code /proc/cpuinfo} or
 * {@code sysctl}) and the commit the launcher passes as {@code -Dperceptron.commit} when it runs
 * from a clone ({@code -dirty} with uncommitted changes).
 */
public final class HostFacts {

    private HostFacts() {
    }

    /** This machine, as provenance records it. */
    public static Host here() {
        return new Host(System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.version", ""), cpu(),
                System.getProperty("perceptron.commit", ""));
    }

    /**
     * The processor's name and the JVM's architecture, e.g. {@code "AMD EPYC, amd64"},
     * {@code "ARM Neoverse-N1, aarch64"} or {@code "Apple M2, aarch64"}; the architecture alone
     * where no name can be read.
     */
    public static String cpu() {
        return Cpu.NAME;
    }

    /** Read once: it does not change while the JVM runs. */
    private static final class Cpu {
        static final String NAME = CpuName.here();
    }
}
