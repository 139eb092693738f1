package io.github.perceptron.core.augment;

/**
 * Random distortions applied to training images on the fly, each image drawn afresh every time
 * it is used: a shift of up to {@code maxShift} pixels in each direction, a rotation of up to
 * {@code maxRotationDegrees} either way, a scaling by up to {@code ±maxScale}, and, when
 * {@code elasticAlpha > 0}, an elastic distortion (Simard, Steinkraus and Platt 2003): a random
 * displacement field smoothed by a Gaussian of {@code elasticSigma} pixels and scaled by
 * {@code elasticAlpha}. All randomness comes from the run's generator.
 */
public record Augmentation(double maxShift, double maxRotationDegrees, double maxScale, double elasticAlpha,
                           double elasticSigma) {

    /** No distortion: the images as they are. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, 0);

    public Augmentation {
        check("shift", maxShift, 0, 10);
        check("rotation", maxRotationDegrees, 0, 90);
        check("scale", maxScale, 0, 0.5);
        check("elastic alpha", elasticAlpha, 0, 100);
        check("elastic sigma", elasticSigma, 0, 20);
        if (elasticAlpha > 0 && elasticSigma < 0.5) {
            throw new IllegalArgumentException("elastic sigma must be >= 0.5 pixels, was " + elasticSigma);
        }
    }

    /** Shifts of up to {@code pixels} in x and y. */
    public static Augmentation shift(double pixels) {
        return new Augmentation(pixels, 0, 0, 0, 0);
    }

    public Augmentation withShift(double pixels) {
        return new Augmentation(pixels, maxRotationDegrees, maxScale, elasticAlpha, elasticSigma);
    }

    public Augmentation withRotation(double degrees) {
        return new Augmentation(maxShift, degrees, maxScale, elasticAlpha, elasticSigma);
    }

    public Augmentation withScale(double fraction) {
        return new Augmentation(maxShift, maxRotationDegrees, fraction, elasticAlpha, elasticSigma);
    }

    public Augmentation withElastic(double alpha, double sigma) {
        return new Augmentation(maxShift, maxRotationDegrees, maxScale, alpha, sigma);
    }

    /** Whether this changes images at all. */
    public boolean isActive() {
        return maxShift > 0 || maxRotationDegrees > 0 || maxScale > 0 || elasticAlpha > 0;
    }

    private static void check(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], was " + value);
        }
    }
}
