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

    /**
     * Checks every bound: shift in [0, 10] pixels, rotation in [0, 90] degrees, scale in [0, 0.5],
     * elastic alpha in [0, 100] and sigma in [0, 20] (at least 0.5 when alpha is above 0).
     *
     * @param maxShift the largest shift in pixels, in [0, 10]
     * @param maxRotationDegrees the largest rotation in degrees, in [0, 90]
     * @param maxScale the largest change of size, in [0, 0.5]
     * @param elasticAlpha the elastic displacement field's scale, in [0, 100]; 0 for none
     * @param elasticSigma the smoothing Gaussian's width in pixels, in [0, 20] (at least 0.5 when {@code elasticAlpha > 0})
     * @throws IllegalArgumentException if a value is outside its range, or NaN
     */
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

    /**
     * Shifts of up to {@code pixels} in x and y.
     *
     * @param pixels the largest shift, in [0, 10]
     * @return the augmentation
     * @throws IllegalArgumentException if {@code pixels} is outside [0, 10]
     */
    public static Augmentation shift(double pixels) {
        return new Augmentation(pixels, 0, 0, 0, 0);
    }

    /**
     * This augmentation with shifts of up to {@code pixels} in x and y.
     *
     * @param pixels the largest shift, in [0, 10]
     * @return a copy with that shift
     * @throws IllegalArgumentException if {@code pixels} is outside [0, 10]
     */
    public Augmentation withShift(double pixels) {
        return new Augmentation(pixels, maxRotationDegrees, maxScale, elasticAlpha, elasticSigma);
    }

    /**
     * This augmentation with rotations of up to {@code degrees} either way.
     *
     * @param degrees the largest rotation, in [0, 90]
     * @return a copy with that rotation
     * @throws IllegalArgumentException if {@code degrees} is outside [0, 90]
     */
    public Augmentation withRotation(double degrees) {
        return new Augmentation(maxShift, degrees, maxScale, elasticAlpha, elasticSigma);
    }

    /**
     * This augmentation with scalings by up to {@code ±fraction}.
     *
     * @param fraction the largest change of size, in [0, 0.5]
     * @return a copy with that scaling
     * @throws IllegalArgumentException if {@code fraction} is outside [0, 0.5]
     */
    public Augmentation withScale(double fraction) {
        return new Augmentation(maxShift, maxRotationDegrees, fraction, elasticAlpha, elasticSigma);
    }

    /**
     * This augmentation with elastic distortions (Simard et al. used alpha 34, sigma 4 on MNIST).
     *
     * @param alpha the displacement field's scale, in [0, 100]; 0 turns elastic distortion off
     * @param sigma the smoothing Gaussian's width in pixels, in [0.5, 20]
     * @return a copy with that distortion
     * @throws IllegalArgumentException if either is outside its range
     */
    public Augmentation withElastic(double alpha, double sigma) {
        return new Augmentation(maxShift, maxRotationDegrees, maxScale, alpha, sigma);
    }

    /**
     * Whether this changes images at all.
     *
     * @return true unless every distortion is off
     */
    public boolean isActive() {
        return maxShift > 0 || maxRotationDegrees > 0 || maxScale > 0 || elasticAlpha > 0;
    }

    private static void check(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], was " + value);
        }
    }
}
