package io.github.perceptron.core.trainer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A planted violation (test sources only), in the training room: two classes of one package that
 * need each other ({@link PlantedTrainingRoomPartner}), and a file read outside any port.
 */
public class PlantedTrainingRoomCycle {
    public PlantedTrainingRoomPartner partner;

    public byte[] readsAFile() throws java.io.IOException {
        return Files.readAllBytes(Path.of("weights.bin"));
    }
}
