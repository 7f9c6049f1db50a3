/**
 * Decorrelating transforms and Gaussian rate–distortion bounds for the transform stage in front of ECDQ.
 *
 * <p>Everything here is bit-exact reproducible: only +, −, ×, /, {@link java.lang.Math#sqrt}, abs/min/max/floor,
 * {@link java.lang.Math#scalb} and {@link java.lang.StrictMath} for transcendental functions are used, tables are
 * built once from {@code StrictMath}, and every reduction runs in a fixed sequential order. A value computed on one
 * JVM is therefore identical on every other (Java 17 floating point is strict IEEE 754).
 *
 * <ul>
 *   <li>{@link io.latq.ecdq.transform.Dct}: orthonormal DCT-II / DCT-III, power-of-two sizes 1..4096.</li>
 *   <li>{@link io.latq.ecdq.transform.SeparableDct}: separable tiled DCT over an N-d array in C order.</li>
 *   <li>{@link io.latq.ecdq.transform.Klt}: Karhunen–Loève transform across channels (cyclic Jacobi).</li>
 *   <li>{@link io.latq.ecdq.transform.BandPartition}, {@link io.latq.ecdq.transform.BandStatistics}: bins to
 *       bands of similar variance, and per-band second moments.</li>
 *   <li>{@link io.latq.ecdq.transform.ReverseWaterFilling},
 *       {@link io.latq.ecdq.transform.ProcessRateDistortion},
 *       {@link io.latq.ecdq.transform.SpectrumEstimator}: Gaussian R(D) of component variances and of a
 *       process from its estimated spectrum.</li>
 * </ul>
 *
 * <p>See {@code docs/transform.md}.
 */
package io.latq.ecdq.transform;
