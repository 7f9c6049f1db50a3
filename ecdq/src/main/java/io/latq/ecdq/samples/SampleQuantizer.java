package io.latq.ecdq.samples;

import io.latq.common.LatqException;
import io.latq.common.output.AtomicOutput;
import io.latq.lattice.Lattice;
import io.latq.lattice.RowQuantizer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code latq quantize} for any sample container: reads the samples through {@link SampleFiles} (rows of n
 * consecutive samples in file order), quantizes each row to its lattice point, and writes them in the container
 * {@link SampleFiles#outputFormat} chooses for the output name (the input's, by default), atomically. Storing a
 * lattice point in a narrower sample type (float32, PCM) rounds it as that type does.
 */
public final class SampleQuantizer {
    private SampleQuantizer() {
    }

    /** Quantizes {@code input} (type name or null for its extension) to {@code output}; returns the row count. */
    public static long quantizeFile(Lattice lattice, Path input, String type, Path output, boolean force)
            throws IOException {
        int n = lattice.dimension();
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new LatqException("input and output are the same file: " + input);
        }
        SampleFormat in;
        try (SampleReader r = SampleFiles.open(input, type)) {
            if (r.format().container() == ContainerType.CSV) { // CSV tells its shape only at the end
                double[] skip = new double[1 << 14];
                while (r.read(skip, 0, skip.length) > 0) {
                    continue;
                }
            }
            in = r.format();
        }
        long count = in.sampleCount();
        if (count % n != 0) {
            throw new LatqException(input + ": " + count + " samples is not a whole number of rows of " + n);
        }
        SampleFormat outFormat = SampleFiles.outputFormat(in, output);
        AtomicOutput.checkTarget(output, force);
        int rowsPer = Math.max(1, (1 << 14) / n);
        double[] xs = new double[rowsPer * n];
        double[] qs = new double[rowsPer * n];
        long done = 0;
        try (SampleReader r = SampleFiles.open(input, type); AtomicOutput out = AtomicOutput.create(output, force)) {
            SampleWriter w = SampleFiles.create(out.stream(), outFormat);
            while (true) {
                int filled = 0;
                int got;
                while (filled < xs.length && (got = r.read(xs, filled, xs.length - filled)) > 0) {
                    filled += got;
                }
                if (filled == 0) {
                    break;
                }
                RowQuantizer.quantizeRows(lattice, xs, qs, filled / n);
                w.write(qs, 0, filled);
                done += filled;
            }
            if (done != count) {
                throw new LatqException(input + " changed while it was read");
            }
            w.finish();
            out.commit();
        }
        return count / n;
    }
}
