/**
 * The Java API for embedding latq: {@link io.latq.ecdq.api.Latq} compresses and decompresses between files,
 * streams and {@code double[]} arrays with the same format and options as the {@code latq} command line. See
 * docs/api.md for examples.
 */
package io.latq.ecdq.api;
