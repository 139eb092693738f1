package example;

import io.github.perceptron.core.model.Model;
import io.github.perceptron.core.model.Prediction;
import io.github.perceptron.dataset.DigitImages;
import io.github.perceptron.persistence.JsonModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Loads a saved model and classifies an image file, once and then from several threads. Arguments: model file, image. */
public final class Classify {

    public static void main(String[] args) throws Exception {
        Model model = new JsonModelStore().load(Path.of(args[0]))
                .warmUp();  // compiles the prediction path now, not during the first requests
        // PNG, JPEG, GIF or BMP of any size, dark ink on light paper or the reverse: made 28×28 like MNIST's digits.
        float[] pixels = DigitImages.read(Path.of(args[1]), model.width(), model.height());
        Prediction prediction = model.predict(pixels);
        System.out.printf("%s: %s (%.1f%%)%n", args[1], prediction.className(), 100 * prediction.confidence());

        // One Model serves every thread at once, without a lock: each answer has the bits of a single thread's.
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Prediction>> answers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            answers.add(threads.submit(() -> model.predict(pixels)));
        }
        for (Future<Prediction> answer : answers) {
            if (!answer.get().equals(prediction)) {
                throw new IllegalStateException("a concurrent prediction differs: " + answer.get());
            }
        }
        threads.shutdown();
        System.out.println("1000 predictions from 4 threads: the same answer");
    }
}
