package io.github.perceptron.cli.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processor's name for a run's provenance, followed by the JVM's architecture: x86 Linux names
 * it in {@code /proc/cpuinfo}'s "model name"; arm64 Linux gives only implementer and part numbers,
 * named here for the common cores (Graviton, Ampere, Raspberry Pi, Apple under Asahi); macOS names
 * it through {@code sysctl}. Under an emulator the host's name is read, and the architecture tells.
 */
final class CpuName {

    /** Arm's main part numbers (implementer 0x41), as the Linux kernel and lscpu name them. */
    private static final Map<String, String> ARM_PARTS = Map.ofEntries(
            Map.entry("0xd03", "Cortex-A53"), Map.entry("0xd04", "Cortex-A35"), Map.entry("0xd05", "Cortex-A55"),
            Map.entry("0xd07", "Cortex-A57"), Map.entry("0xd08", "Cortex-A72"), Map.entry("0xd09", "Cortex-A73"),
            Map.entry("0xd0a", "Cortex-A75"), Map.entry("0xd0b", "Cortex-A76"), Map.entry("0xd0c", "Neoverse-N1"),
            Map.entry("0xd0d", "Cortex-A77"), Map.entry("0xd40", "Neoverse-V1"), Map.entry("0xd41", "Cortex-A78"),
            Map.entry("0xd44", "Cortex-X1"), Map.entry("0xd46", "Cortex-A510"), Map.entry("0xd47", "Cortex-A710"),
            Map.entry("0xd48", "Cortex-X2"), Map.entry("0xd49", "Neoverse-N2"), Map.entry("0xd4f", "Neoverse-V2"),
            Map.entry("0xd80", "Cortex-A520"), Map.entry("0xd81", "Cortex-A720"), Map.entry("0xd84", "Neoverse-V3"),
            Map.entry("0xd8e", "Neoverse-N3"));
    private static final Map<String, String> IMPLEMENTERS = Map.of("0x41", "ARM", "0x61", "Apple", "0xc0", "Ampere",
            "0x51", "Qualcomm", "0x46", "Fujitsu", "0x48", "HiSilicon", "0x4e", "NVIDIA");

    private CpuName() {
    }

    /** This machine's processor, named as well as it can be, and the JVM's architecture. */
    static String here() {
        String arch = System.getProperty("os.arch", "unknown");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Optional<String> name = os.startsWith("mac") ? macBrand() : readCpuinfo().flatMap(CpuName::fromCpuinfo);
        return name.map(n -> n + ", " + arch).orElse(arch);
    }

    /** The name in a {@code /proc/cpuinfo} text: "model name", else arm64's implementer and part, else "Model". */
    static Optional<String> fromCpuinfo(String cpuinfo) {
        Optional<String> model = field(cpuinfo, "model name");
        if (model.isPresent()) {
            return model;
        }
        Optional<String> implementer = field(cpuinfo, "CPU implementer").map(v -> v.toLowerCase(Locale.ROOT));
        Optional<String> part = field(cpuinfo, "CPU part").map(v -> v.toLowerCase(Locale.ROOT));
        if (implementer.isPresent() && part.isPresent()) {
            String maker = IMPLEMENTERS.getOrDefault(implementer.get(), "implementer " + implementer.get());
            String core = implementer.get().equals("0x41") ? ARM_PARTS.get(part.get()) : null;
            return Optional.of(maker + " " + (core != null ? core : "part " + part.get()));
        }
        // Raspberry Pi kernels name the board at the end.
        return field(cpuinfo, "Model");
    }

    private static Optional<String> field(String cpuinfo, String name) {
        return cpuinfo.lines()
                .filter(line -> line.startsWith(name) && line.indexOf(':') > 0
                        && line.substring(0, line.indexOf(':')).strip().equals(name))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static Optional<String> readCpuinfo() {
        try {
            return Optional.of(Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code sysctl -n machdep.cpu.brand_string}: "Apple M2", or an Intel model; given two seconds. */
    private static Optional<String> macBrand() {
        try {
            Process sysctl = new ProcessBuilder("/usr/sbin/sysctl", "-n", "machdep.cpu.brand_string")
                    .redirectErrorStream(true).start();
            sysctl.getOutputStream().close();
            byte[] output;
            try (InputStream in = sysctl.getInputStream()) {
                output = in.readNBytes(256);
            }
            if (!sysctl.waitFor(2, TimeUnit.SECONDS)) {
                sysctl.destroyForcibly();
                return Optional.empty();
            }
            String brand = new String(output, StandardCharsets.UTF_8).strip();
            return sysctl.exitValue() == 0 && !brand.isEmpty() ? Optional.of(brand) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
