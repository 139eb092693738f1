package io.github.perceptron.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Processor names from the {@code /proc/cpuinfo} of the machines people have. */
class CpuNameTest {

    @Test
    void x86_names_its_model() {
        String cpuinfo = """
                processor\t: 0
                vendor_id\t: AuthenticAMD
                model name\t: AMD EPYC 9R14 96-Core Processor
                flags\t\t: fpu avx2 avx512f
                """;
        assertThat(CpuName.fromCpuinfo(cpuinfo)).contains("AMD EPYC 9R14 96-Core Processor");
    }

    @Test
    void arm64_is_named_by_implementer_and_part() {
        String graviton2 = """
                processor\t: 0
                BogoMIPS\t: 243.75
                Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs
                CPU implementer\t: 0x41
                CPU architecture: 8
                CPU variant\t: 0x3
                CPU part\t: 0xd0c
                CPU revision\t: 1
                """;
        assertThat(CpuName.fromCpuinfo(graviton2)).contains("ARM Neoverse-N1");
        String raspberryPi4 = """
                processor\t: 0
                CPU implementer\t: 0x41
                CPU part\t: 0xd08

                Hardware\t: BCM2835
                Model\t\t: Raspberry Pi 4 Model B Rev 1.4
                """;
        assertThat(CpuName.fromCpuinfo(raspberryPi4)).contains("ARM Cortex-A72");
        String ampere = "CPU implementer\t: 0xc0\nCPU part\t: 0xac3\n";
        assertThat(CpuName.fromCpuinfo(ampere)).contains("Ampere part 0xac3");
    }

    @Test
    void a_board_without_part_numbers_is_named_by_its_model_and_nothing_is_invented() {
        assertThat(CpuName.fromCpuinfo("Hardware\t: BCM2835\nModel\t\t: Raspberry Pi Zero W\n"))
                .contains("Raspberry Pi Zero W");
        assertThat(CpuName.fromCpuinfo("processor\t: 0\nmodel name\t:\n")).isEmpty();
    }

    @Test
    void this_machine_ends_with_the_jvms_architecture() {
        assertThat(HostFacts.cpu()).endsWith(System.getProperty("os.arch"));
    }
}
