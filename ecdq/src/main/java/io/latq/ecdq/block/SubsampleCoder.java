package io.latq.ecdq.block;

import io.latq.common.concurrent.Workers;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.quantizer.EcdqDesign;

import io.latq.ecdq.entropy.RansEncoder;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.lattice.Lattice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the entropy-coded size of the pass-1 subsample under a candidate design (for the rate search and the
 * model fit), using all worker threads.
 *
 * <p>The subsample is cut into one contiguous run of vectors per thread. Each run's symbols are computed in parallel
 * (that is where the time goes: the model's erfc evaluations), then the runs are concatenated in order and coded
 * as one rANS stream. The symbol sequence, hence the byte count, is exactly the one a single thread produces, so
 * the chosen design never depends on the thread count.
 */
public final class SubsampleCoder implements AutoCloseable {
    private final double[] vecs;
    private final long[] index;
    private final int count;
    private final EcdqHeader proto;
    private final Lattice lattice;
    private final TriangularBasis basis;
    private final Workers<Object> workers;
    private final RansEncoder[] parts;
    private final RansEncoder whole = new RansEncoder();

    /**
     * @param vecs  {@code count} vectors back to back
     * @param index their global vector numbers (dither positions)
     * @param proto header whose design fields are replaced for each measurement
     */
    public SubsampleCoder(double[] vecs, long[] index, int count, EcdqHeader proto, Lattice lattice, TriangularBasis basis,
                   int threads) {
        this.vecs = vecs;
        this.index = index;
        this.count = count;
        this.proto = proto;
        this.lattice = lattice;
        this.basis = basis;
        int runs = Math.max(1, Math.min(threads, count));
        this.workers = new Workers<>(runs, Object::new); // the jobs keep no per-thread state
        this.parts = new RansEncoder[runs];
        for (int i = 0; i < runs; i++) {
            parts[i] = new RansEncoder();
        }
    }

    /** The payload bytes of the subsample coded with scale α = d.alpha() and model spread {@code spread}. */
    public long bytes(EcdqDesign d, double spread) throws IOException {
        EcdqHeader h = new EcdqHeader(proto.source(), proto.latticeSpec(), proto.dimension(), proto.generatorHash(),
                proto.log2Volume(), proto.nsm(), proto.seed(), proto.mean(), proto.sigma(), d.alpha(), d.beta(),
                proto.targetKind(), proto.targetValue(), proto.modelId(), spread, proto.vectorsPerBlock(), true, 0);
        int runs = parts.length;
        List<Workers.Job<Object, RansEncoder>> jobs = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            int from = (int) ((long) count * i / runs);
            int to = (int) ((long) count * (i + 1) / runs);
            RansEncoder part = parts[i];
            jobs.add(unused -> {
                part.reset();
                new BlockCoder(lattice, basis, h).pushVectors(vecs, index, from, to, part);
                return part;
            });
        }
        whole.reset();
        for (RansEncoder part : workers.runAll(jobs)) {
            whole.append(part);
        }
        return whole.finish();
    }

    @Override
    public void close() {
        workers.close();
    }
}
