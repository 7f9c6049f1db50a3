package io.latq.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way the CLI writes {@code --json}: an ordered map (or list, record, array) becomes one line of JSON through
 * Jackson. Conventions (docs/cli.md): keys in insertion order, no spaces, strings escaped by Jackson, doubles in
 * Java's {@link Double#toString(double)} form (e.g. {@code 1.1122177874829047E-5}, valid JSON), non-finite doubles
 * as {@code null} (JSON has no NaN), {@code int[]}/{@code double[]} as arrays.
 *
 * <p>Design and frozen-set files are not written here: their canonical, hashed text comes from
 * {@code io.latq.json.Json} in lattice-core and must stay byte-identical.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule("latq-json")
            .addSerializer(Double.class, new FiniteDouble())
            .addSerializer(Double.TYPE, new FiniteDouble())
            .addSerializer(Float.class, new FiniteFloat())
            .addSerializer(double[].class, new FiniteDoubles()));

    private JsonOutput() {
    }

    /** A new ordered map to fill with the figures of one JSON object. */
    public static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    /** {@code value} as one line of JSON (no trailing newline). */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text into ordered maps, lists, strings, numbers and booleans (for re-printing on one line). */
    public static Object read(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void number(double d, JsonGenerator g) throws IOException {
        if (Double.isFinite(d)) {
            g.writeNumber(d);
        } else {
            g.writeNull();
        }
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator g, SerializerProvider p) throws IOException {
            number(value, g);
        }
    }

    private static final class FiniteFloat extends StdSerializer<Float> {
        private static final long serialVersionUID = 1L;

        FiniteFloat() {
            super(Float.class);
        }

        @Override
        public void serialize(Float value, JsonGenerator g, SerializerProvider p) throws IOException {
            number(value.doubleValue(), g);
        }
    }

    private static final class FiniteDoubles extends StdSerializer<double[]> {
        private static final long serialVersionUID = 1L;

        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] value, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray(value, value.length);
            for (double d : value) {
                number(d, g);
            }
            g.writeEndArray();
        }
    }
}
