package io.github.perceptron.core.trainer;

/** A planted violation (test sources only): the other half of {@link PlantedTrainingRoomCycle}'s cycle. */
public class PlantedTrainingRoomPartner {
    public PlantedTrainingRoomCycle back;
}
