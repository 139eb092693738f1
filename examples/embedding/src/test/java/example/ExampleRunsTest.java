package example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.perceptron.core.data.LabelledImages;
import io.github.perceptron.dataset.SyntheticDigits;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both programs run as the README says, on a small MNIST-layout dataset written here (so that the
 * build needs no download): training reports and saves a model, and classifying loads it, reads
 * {@code digit.png} and answers the same from four threads.
 */
class ExampleRunsTest {

    @TempDir
    Path dir;

    @Test
    void train_save_load_and_classify() throws Exception {
        Path data = Files.createDirectories(dir.resolve("mnist"));
        writeIdx(SyntheticDigits.generate(1_200, 28, 10, 1), data, "train");
        writeIdx(SyntheticDigits.generate(300, 28, 10, 2), data, "t10k");
        Path model = dir.resolve("models/digits.json");

        String training = printed(() -> TrainAndSave.main(new String[] {data.toString(), model.toString(), "3"}));
        assertThat(training).contains("epoch 1: validation accuracy", "epoch 3: validation accuracy")
                .containsPattern("test accuracy \\d+\\.\\d\\d%").contains("saved " + model, "sha256:");
        assertThat(model).isRegularFile();

        String classified = printed(() -> Classify.main(new String[] {model.toString(), "digit.png"}));
        assertThat(classified).containsPattern("digit\\.png: \\d \\(\\d+\\.\\d%\\)")
                .contains("1000 predictions from 4 threads: the same answer");
    }

    private interface Program {
        void run() throws Exception;
    }

    private static String printed(Program program) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(captured, original), true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Shows the programs' output in the build log as well as capturing it. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream one;
        private final OutputStream two;

        TeeStream(OutputStream one, OutputStream two) {
            this.one = one;
            this.two = two;
        }

        @Override
        public void write(int b) throws IOException {
            one.write(b);
            two.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            one.write(bytes, offset, length);
            two.write(bytes, offset, length);
        }
    }

    /** MNIST's IDX layout: big-endian magic and sizes, then one byte per pixel or label. */
    private static void writeIdx(LabelledImages images, Path directory, String prefix) throws IOException {
        byte[] pixels = new byte[images.size() * images.pixelCount()];
        images.copyPixels(pixels, 0);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(prefix + "-images-idx3-ubyte")))) {
            out.writeInt(0x803);
            out.writeInt(images.size());
            out.writeInt(images.height());
            out.writeInt(images.width());
            out.write(pixels);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(directory.resolve(prefix + "-labels-idx1-ubyte")))) {
            out.writeInt(0x801);
            out.writeInt(images.size());
            for (int i = 0; i < images.size(); i++) {
                out.writeByte(images.label(i));
            }
        }
    }
}
