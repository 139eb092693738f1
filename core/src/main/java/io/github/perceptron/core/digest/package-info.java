/**
 * SPI for dataset adapters: the content digest of images that come in parts, equal to
 * {@code LabelledImages.contentDigest()} of their concatenation.
 */
package io.github.perceptron.core.digest;
