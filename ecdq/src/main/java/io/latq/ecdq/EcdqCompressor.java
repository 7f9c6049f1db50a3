package io.latq.ecdq;

import io.latq.common.LatqException;
import io.latq.common.concurrent.Workers;
import io.latq.ecdq.block.BlockCoder;
import io.latq.ecdq.block.SubsampleCoder;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.quantizer.EcdqDesign;

import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.file.EcdqHeader;
import io.latq.ecdq.samples.ContainerType;
import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleFormat;
import io.latq.ecdq.samples.SampleReader;
import io.latq.lattice.Lattice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * Compresses a sample file with entropy-coded dithered lattice quantization (Zamir &amp; Feder 1992/1996).
 *
 * <p>Two streaming passes over the input, so memory does not grow with its size:
 * <ol>
 *   <li>count, mean and variance of the finite samples (Welford's update, in file order), the first non-finite
 *       index, and an evenly spread subsample of about {@value #SUBSAMPLE_SAMPLES} samples in whole vectors (for
 *       rate targets and the model fit);</li>
 *   <li>blocks of vectorsPerBlock·n samples, coded in parallel windows and written in order.</li>
 * </ol>
 * Target: MSE D directly; SNR as D = σ²·10^(−SNR/10); a rate R by bisection on log D (16 steps), measuring the
 * real encoded size of the subsample plus the exact container overhead, and keeping the largest-rate D whose
 * estimate does not exceed R. See {@link EcdqDesign} for the scales.
 *
 * <p>Model fit (n &gt; 1): the spread of the successive Gaussian model is s² = σ² + c·σ_q². The high-resolution
 * choice is c = 1; coarse lattices code better with smaller c. The compressor encodes the subsample for
 * c ∈ {@link #SPREAD_WEIGHTS} and keeps the c with the fewest bytes (the first on ties); s is stored in the header, so
 * the decoder needs nothing else. In one dimension c = 0 (the exact interval probability) is used as is.
 */
public final class EcdqCompressor {
    /** Subsample size in samples (rounded to whole vectors, at least 16 vectors). */
    static final int SUBSAMPLE_SAMPLES = 65536;
    /** Candidate weights c of the dither variance in the model spread. */
    static final double[] SPREAD_WEIGHTS = {0.0, 0.125, 0.25, 0.5, 1.0};
    private static final int TARGET_BLOCK_SAMPLES = 1 << 16;
    /** Bisection steps of the rate search. */
    private static final int RATE_STEPS = 16;

    private EcdqCompressor() {
    }

    /**
     * Compresses {@code input} (type name as in {@link SampleFiles#open}; null = by extension) to {@code output}.
     *
     * @param resolver maps the lattice spec to a lattice (e.g. LatticeSpecs::parse)
     * @throws LatqException for data errors (non-finite samples, empty input, existing output, unknown lattice)
     */
    public static CompressionReport compress(Path input, String type, Path output, EcdqOptions opt,
                                             Function<String, Lattice> resolver) throws IOException {
        return compress(input, type, output, opt, resolver, ProgressListener.NONE);
    }

    /**
     * As {@link #compress(Path, String, Path, EcdqOptions, Function)}, reporting progress to {@code progress} (see
     * {@link ProgressListener} for the unit) on the calling thread.
     */
    public static CompressionReport compress(Path input, String type, Path output, EcdqOptions opt,
                                             Function<String, Lattice> resolver, ProgressListener progress)
            throws IOException {
        Objects.requireNonNull(opt);
        Tracker tracker = new Tracker(Objects.requireNonNull(progress));
        if (opt.threads() < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        AtomicOutput.checkTarget(output, opt.force());
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new LatqException("output is the same file as the input");
        }
        Lattice lattice = resolve(resolver, opt.latticeSpec());
        int n = lattice.dimension();
        DMatrixRMaj generator = lattice.generator();
        TriangularBasis basis = TriangularBasis.of(generator);
        byte[] hash = EcdqHeader.generatorHash(generator);
        int vpb = opt.vectorsPerBlock() > 0 ? opt.vectorsPerBlock() : Math.max(1, TARGET_BLOCK_SAMPLES / n);
        if ((long) vpb * n > EcdqHeader.MAX_BLOCK_SAMPLES) {
            throw new IllegalArgumentException("block too large: " + vpb + " vectors of " + n);
        }

        // pass 1
        Stats st = scan(input, type, n, opt, tracker);
        if (st.count == 0) {
            throw new LatqException("input " + input.getFileName() + " holds no samples");
        }
        if (st.firstNonFinite >= 0 && !opt.keepNonFinite()) {
            throw new LatqException("sample " + st.firstNonFinite + " is " + st.firstNonFiniteValue
                    + " (use --keep-nonfinite to carry non-finite values)");
        }
        // After pass 1, so that bad input is refused before a possibly long NSM estimate.
        double nsm = opt.nsm();
        if (Double.isNaN(nsm)) {
            nsm = EcdqDesign.latticeNsm(lattice, opt.latticeSpec(), opt.threads());
        }
        double sigma = st.finite > 0 ? Math.sqrt(st.m2 / st.finite) : 0;
        double mean = st.finite > 0 ? st.mean : 0;
        if (!Double.isFinite(sigma) || !Double.isFinite(mean)) {
            throw new LatqException("the samples' mean or variance overflows a double (values too large)");
        }
        boolean fit = n > 1 && st.subCount > 0;
        long subSamples = (long) st.subCount * n;
        tracker.total = Tracker.SCAN * st.count + Tracker.CODE * ((opt.target() == EcdqOptions.Target.RATE
                ? RATE_STEPS * subSamples : 0) + (fit ? SPREAD_WEIGHTS.length * subSamples : 0) + st.count);
        tracker.report();
        EcdqHeader proto = header(st.format, opt, lattice, hash, nsm, mean, sigma, EcdqDesign.forMse(sigma,
                Double.MAX_VALUE, nsm, n, lattice.log2Volume()), vpb, st.nonFinite);
        double targetMse;
        EcdqDesign design;
        double spread;
        try (SubsampleCoder sub = st.subCount > 0 ? new SubsampleCoder(st.sub, st.subIndex, st.subCount, proto,
                lattice, basis, opt.threads()) : null) {
            switch (opt.target()) {
                case MSE:
                    targetMse = opt.targetValue();
                    break;
                case SNR_DB:
                    targetMse = sigma > 0 ? EcdqDesign.mseForSnr(sigma, opt.targetValue()) : 1;
                    break;
                default:
                    targetMse = mseForRate(opt.targetValue(), st, proto, sub, tracker);
                    break;
            }
            if (!(targetMse > 0) || Double.isInfinite(targetMse)) {
                throw new IllegalArgumentException("target gives MSE " + targetMse
                        + "; it must be positive and finite");
            }
            design = EcdqDesign.forMse(sigma, targetMse, nsm, n, lattice.log2Volume());
            spread = design.modelSpread();
            if (fit && !design.zeroRate()) {
                long best = Long.MAX_VALUE;
                for (double c : SPREAD_WEIGHTS) {
                    long bytes = sub.bytes(design, design.modelSpread(c));
                    tracker.coded(subSamples);
                    if (bytes < best) {
                        best = bytes;
                        spread = design.modelSpread(c);
                    }
                }
            } else if (fit) {
                tracker.total -= Tracker.CODE * SPREAD_WEIGHTS.length * subSamples;
            }
        }
        EcdqHeader header = withSpread(header(st.format, opt, lattice, hash, nsm, mean, sigma, design, vpb,
                st.nonFinite), spread);
        return encodeFile(input, type, output, opt, lattice, basis, header, design, tracker);
    }

    /**
     * Counts units of work for the {@link ProgressListener}; single-threaded (the caller's thread). Entropy coding a
     * sample costs about {@value #CODE} times as much as scanning it in pass 1, so units are weighted accordingly and
     * the fraction done tracks the time spent.
     */
    static final class Tracker {
        static final long SCAN = 1;
        static final long CODE = 16;
        private final ProgressListener listener;
        long done;
        long total = -1;

        Tracker(ProgressListener listener) {
            this.listener = listener;
        }

        void scanned(long samples) {
            advance(SCAN * samples);
        }

        void coded(long samples) {
            advance(CODE * samples);
        }

        private void advance(long units) {
            done += units;
            report();
        }

        void report() {
            listener.progress(done, total < 0 ? -1 : Math.max(total, done));
        }
    }

    static Lattice resolve(Function<String, Lattice> resolver, String spec) throws LatqException {
        try {
            Lattice l = resolver.apply(spec);
            if (l == null) {
                throw new LatqException("unknown lattice '" + spec + "'");
            }
            return l;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new LatqException("lattice '" + spec + "': " + e.getMessage());
        }
    }

    private static EcdqHeader header(SampleFormat format, EcdqOptions opt, Lattice lattice, byte[] hash, double nsm,
                                     double mean, double sigma, EcdqDesign d, int vpb, long nonFinite) {
        return new EcdqHeader(format, opt.latticeSpec(), lattice.dimension(), hash, lattice.log2Volume(), nsm,
                opt.seed(), mean, sigma, d.alpha(), d.beta(), opt.target().code(), opt.targetValue(),
                EcdqHeader.MODEL_SUCCESSIVE_GAUSSIAN, d.modelSpread(), vpb, opt.keepNonFinite(), nonFinite);
    }

    private static EcdqHeader withSpread(EcdqHeader h, double spread) {
        return new EcdqHeader(h.source(), h.latticeSpec(), h.dimension(), h.generatorHash(), h.log2Volume(), h.nsm(),
                h.seed(), h.mean(), h.sigma(), h.alpha(), h.beta(), h.targetKind(), h.targetValue(), h.modelId(),
                spread, h.vectorsPerBlock(), h.keepNonFinite(), h.nonFiniteCount());
    }

    /** Pass-1 statistics. */
    static final class Stats {
        SampleFormat format;
        long count;
        long finite;
        long nonFinite;
        double mean;
        double m2;
        long firstNonFinite = -1;
        double firstNonFiniteValue;
        // evenly spread subsample of whole vectors (for rate targets)
        double[] sub;
        long[] subIndex;
        int subCount;
        long stride = 1;
    }

    private static Stats scan(Path input, String type, int n, EcdqOptions opt, Tracker tracker) throws IOException {
        Stats st = new Stats();
        boolean wantSub = opt.target() == EcdqOptions.Target.RATE || n > 1;
        if (wantSub) {
            int vectors = Math.max(16, SUBSAMPLE_SAMPLES / n);
            st.sub = new double[vectors * n];
            st.subIndex = new long[vectors];
        }
        double[] buf = new double[1 << 16];
        double[] vec = new double[n];
        int inVec = 0;
        try (SampleReader r = SampleFiles.open(input, type)) {
            if (r.format().container() != ContainerType.CSV) {
                // refined once pass 1 is done
                tracker.total = (Tracker.SCAN + Tracker.CODE) * r.format().sampleCount();
            }
            int got;
            while ((got = r.read(buf, 0, buf.length)) > 0) {
                tracker.scanned(got);
                for (int i = 0; i < got; i++) {
                    double x = buf[i];
                    if (Double.isFinite(x)) {
                        st.finite++;
                        double delta = x - st.mean;
                        st.mean += delta / st.finite;
                        st.m2 += delta * (x - st.mean);
                    } else {
                        st.nonFinite++;
                        if (st.firstNonFinite < 0) {
                            st.firstNonFinite = st.count;
                            st.firstNonFiniteValue = x;
                            if (!opt.keepNonFinite()) {
                                st.format = r.format();
                                return st;
                            }
                        }
                    }
                    st.count++;
                    if (wantSub) {
                        vec[inVec++] = x;
                        if (inVec == n) {
                            offerVector(st, vec, (st.count - 1) / n, n);
                            inVec = 0;
                        }
                    }
                }
            }
            st.format = r.format();
        }
        if (wantSub && inVec > 0) {
            for (int k = inVec; k < n; k++) {
                vec[k] = Double.NaN; // padding: coded as the mean, like the encoder's padding
            }
            offerVector(st, vec, (st.count - 1) / n, n);
        }
        return st;
    }

    /** Keeps vector g when g is a multiple of the stride; halves the sample (doubling the stride) when full. */
    private static void offerVector(Stats st, double[] vec, long g, int n) {
        if (g % st.stride != 0) {
            return;
        }
        if (st.subCount == st.subIndex.length) {
            int kept = 0;
            for (int i = 0; i < st.subCount; i++) {
                if (st.subIndex[i] % (2 * st.stride) == 0) {
                    st.subIndex[kept] = st.subIndex[i];
                    System.arraycopy(st.sub, i * n, st.sub, kept * n, n);
                    kept++;
                }
            }
            st.subCount = kept;
            st.stride *= 2;
            if (g % st.stride != 0) {
                return;
            }
        }
        st.subIndex[st.subCount] = g;
        System.arraycopy(vec, 0, st.sub, st.subCount * n, n);
        st.subCount++;
    }

    /** Bisection on log D so that the estimated file rate meets {@code rate} bits/sample. */
    private static double mseForRate(double rate, Stats st, EcdqHeader proto, SubsampleCoder sub, Tracker tracker)
            throws IOException {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("target rate must be finite and ≥ 0, got " + rate);
        }
        double sigma = proto.sigma();
        double var = sigma * sigma;
        long subSamples = (long) st.subCount * proto.dimension();
        if (rate == 0 || var == 0 || st.subCount == 0) {
            tracker.total -= Tracker.CODE * RATE_STEPS * subSamples;
            return var > 0 ? var : 1;
        }
        int n = proto.dimension();
        double overheadBits = 8.0 * (proto.toBytes().length + BlockFormat.TRAILER_SIZE
                + proto.blockCount() * (BlockFormat.BLOCK_FIXED + 4 + 4)
                + (double) BlockFormat.NONFINITE_ENTRY * st.nonFinite);
        double payloadRate = rate - overheadBits / st.count;
        if (payloadRate <= 0) {
            tracker.total -= Tracker.CODE * RATE_STEPS * subSamples;
            return var;
        }
        double g = proto.nsm();
        // StrictMath (fdlibm): the chosen D, hence α and the whole file, must not depend on the JVM's intrinsics
        double d0 = var * StrictMath.pow(2, -2 * (payloadRate - EcdqDesign.ecdqRedundancy(g)));
        double lo = StrictMath.log(Math.min(d0, var) / 64); // rate(lo) > target expected
        double hi = StrictMath.log(var);                    // rate(hi) = 0
        for (int it = 0; it < RATE_STEPS; it++) {
            double mid = 0.5 * (lo + hi);
            EcdqDesign d = EcdqDesign.forMse(sigma, StrictMath.exp(mid), g, n, proto.log2Volume());
            double r = d.zeroRate() ? 0
                    : 8.0 * sub.bytes(d, d.modelSpread()) / ((double) st.subCount * n);
            tracker.coded(subSamples);
            if (r > payloadRate) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return StrictMath.exp(hi);
    }

    private static CompressionReport encodeFile(Path input, String type, Path output, EcdqOptions opt,
                                                Lattice lattice, TriangularBasis basis, EcdqHeader header,
                                                EcdqDesign design, Tracker tracker) throws IOException {
        int spb = header.samplesPerBlock();
        long blocks = header.blockCount();
        int threads = opt.threads();
        // blocks in flight: 2 per thread keeps every worker busy while this thread reads input and writes output
        int depth = threads == 1 ? 1 : 2 * threads;
        double sse = 0;
        double maxAbs = 0;
        long finite = 0;
        double modelBits = 0;
        long nonFinite = 0;
        try (AtomicOutput out = AtomicOutput.create(output, opt.force());
             SampleReader reader = SampleFiles.open(input, type);
             Workers<BlockCoder> workers = new Workers<>(threads, () -> new BlockCoder(lattice, basis, header))) {
            out.stream().write(header.toBytes());
            double[][] bufs = new double[depth][spb];
            Workers<BlockCoder>.Pipeline<BlockCoder.Encoded> pipeline = workers.pipeline(depth);
            for (long b = 0; b < blocks || !pipeline.isEmpty(); b++) {
                if (pipeline.full() || (b >= blocks && !pipeline.isEmpty())) {
                    // results are taken oldest first, so blocks are written in order whatever the thread count;
                    // taking block b − depth also frees its buffer, bufs[b % depth], for block b
                    BlockCoder.Encoded e = pipeline.takeOldest();
                    out.stream().write(e.bytes());
                    sse += e.sse();
                    maxAbs = Math.max(maxAbs, e.maxAbsError());
                    finite += e.finiteCount();
                    modelBits += e.idealBits();
                    tracker.coded(e.samples());
                }
                if (b < blocks) {
                    int count = header.samplesInBlock(b);
                    double[] buf = bufs[(int) (b % depth)];
                    readFully(reader, buf, count);
                    long block = b;
                    pipeline.submit(c -> c.encode(block, buf, count, block * spb, null));
                }
            }
            if (reader.read(new double[1], 0, 1) > 0) {
                throw new LatqException("input changed between passes (more samples than counted)");
            }
            out.stream().write(BlockFormat.trailer(blocks, header.sampleCount(), header.crc()));
            long size = out.size();
            nonFinite = header.sampleCount() - finite;
            if (nonFinite != header.nonFiniteCount()) {
                throw new LatqException("input changed between passes (non-finite count differs)");
            }
            out.commit();
            double mse = finite > 0 ? sse / finite : 0;
            return new CompressionReport(header.sampleCount(), size, mse, maxAbs, header.sigma(), design.targetMse(),
                    header.nsm(), header.alpha(), header.beta(), modelBits, nonFinite, blocks);
        }
    }

    private static void readFully(SampleReader r, double[] buf, int count) throws IOException {
        int got = 0;
        while (got < count) {
            int k = r.read(buf, got, count - got);
            if (k < 0) {
                throw new LatqException("input changed between passes (fewer samples than counted)");
            }
            got += k;
        }
    }
}
