package io.latq.ecdq;

import io.latq.common.LatqException;
import io.latq.common.output.AtomicOutput;
import io.latq.common.concurrent.Workers;
import io.latq.ecdq.block.BlockFormat;
import io.latq.ecdq.block.TransformBlockCoder;
import io.latq.ecdq.file.FileHeader;
import io.latq.ecdq.index.TriangularBasis;
import io.latq.ecdq.quantizer.EcdqDesign;
import io.latq.ecdq.samples.ContainerType;
import io.latq.ecdq.samples.SampleFiles;
import io.latq.ecdq.samples.SampleReader;
import io.latq.ecdq.samples.SourceStatistics;
import io.latq.ecdq.transform.CellStatistics;
import io.latq.ecdq.transform.Klt;
import io.latq.ecdq.transform.PlanChooser;
import io.latq.ecdq.transform.ReverseWaterFilling;
import io.latq.ecdq.transform.TransformPlan;
import io.latq.lattice.Lattice;
import io.latq.lattice.LatticeDescription;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Compresses a sample file with transform ECDQ: an orthonormal decorrelating transform, reverse water-filling over
 * cells of similar variance, and entropy-coded dithered lattice quantization of every coded cell (Zamir &amp; Feder
 * 1992/1996; docs/ecdq.md and docs/transform.md). Writes format version 2.
 *
 * <p>Passes over the input (files; memory does not grow with their size):
 * <ol>
 *   <li>statistics: count, per-channel mean and variance, channel co-moments, non-finite samples (of about
 *       {@value #STATS_SAMPLES} samples in spread chunks for a large fixed-width file, see {@link #STATS_SAMPLES});
 *       </li>
 *   <li>the transform: for every candidate {@link TransformPlan} the cell variances of (up to
 *       {@value #CHOOSE_SAMPLES} samples of) the file give a predicted rate by reverse water-filling; the smallest
 *       wins (identity unless a transform saves {@value PlanChooser#MIN_GAIN} b/sample);</li>
 *   <li>the water levels: the chosen plan's cell variances over the whole file (or the sampled blocks),
 *       water-filled at the target;</li>
 *   <li>the model spread weight (and for a rate target, the distortion) from trial encodings of a few blocks;</li>
 *   <li>the blocks, coded in parallel and written in order.</li>
 * </ol>
 * Targets: MSE D in data units, shared water level over all channels; SNR in dB per channel (each channel normalized
 * by its σ, its own water level at 10^(−SNR/10), so every channel meets the SNR); a rate R by bisection on D.
 */
public final class EcdqCompressor {
    /** Samples the transform choice looks at, at most (evenly spread blocks). */
    static final long CHOOSE_SAMPLES = 1 << 19;
    /**
     * Samples that describe a large file: a fixed-width file of more than twice as many has its statistics, water
     * levels and spectrum from about this many samples in evenly spread chunks and blocks (no full pass before
     * coding); smaller files, CSV and {@code --keep-nonfinite} are read whole.
     */
    static final long STATS_SAMPLES = 1 << 22;
    /** Samples of the trial encodings (spread weight, rate search), at most. */
    static final long TRIAL_SAMPLES = 1 << 16;
    /** Candidate weights w of the dither variance in the model spread (n &gt; 1). */
    static final double[] SPREAD_WEIGHTS = {0.25, 0.5, 1.0};
    /** Candidate w of the polar-lattice point coder (w = 0 wins at high rate). */
    static final double[] POLAR_SPREAD_WEIGHTS = {0.0, 0.25, 0.5, 1.0};
    /** Candidate κ_c of the polar-lattice point coder (its fitted optimum runs from 0.3 at 0.25 b to 1 at 3 b). */
    static final double[] COARSE_SCALES = {0.3, 0.4, 0.5, 0.65, 0.8, 1.0};
    private static final int RATE_STEPS = 14;

    private EcdqCompressor() {
    }

    /** Compresses {@code input} (type as in {@link SampleFiles#open}; null = by extension) to {@code output}. */
    public static CompressionReport compress(Path input, String type, Path output, EcdqOptions opt)
            throws IOException {
        return compress(input, type, output, opt, ProgressListener.NONE);
    }

    /** As {@link #compress(Path, String, Path, EcdqOptions)}, reporting progress on the calling thread. */
    public static CompressionReport compress(Path input, String type, Path output, EcdqOptions opt,
                                             ProgressListener progress) throws IOException {
        Objects.requireNonNull(opt);
        Tracker tracker = new Tracker(Objects.requireNonNull(progress));
        if (opt.threads() < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        AtomicOutput.checkTarget(output, opt.force());
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new LatqException("output is the same file as the input");
        }
        LatticeDescription description;
        Lattice lattice;
        try {
            description = LatticeDescription.of(opt.latticeSpec());
            lattice = description.build();
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new LatqException("lattice '" + EcdqDecompressor.abbreviate(opt.latticeSpec()) + "': "
                    + e.getMessage());
        }
        int n = lattice.dimension();
        checkMemory(n, opt.latticeSpec());
        // the coder rescales the lattice per cell; a cell volume far outside double range cannot be rescaled exactly
        double log2PerDim = lattice.log2Volume() / n;
        if (!(Math.abs(log2PerDim) <= 400)) {
            throw new LatqException("lattice '" + EcdqDecompressor.abbreviate(opt.latticeSpec())
                    + "' is scaled out of range (cell volume 2^" + lattice.log2Volume() + "); ECDQ needs "
                    + "|log2 V|/n <= 400, and the scale of the lattice does not change the quantizer");
        }
        HashedBasis hashed = HashedBasis.of(lattice.generator(), description.toBytes());
        TriangularBasis basis = hashed.basis();
        byte[] hash = hashed.hash();

        // pass 1; a provisional total (refined after it) when the container tells the count up front
        try (SampleReader r = SampleFiles.open(input, type)) {
            if (r.format().container() != ContainerType.CSV) {
                tracker.total = (Tracker.SCAN * 12 + Tracker.CODE) * r.format().sampleCount();
            }
        }
        SourceStatistics st = SourceStatistics.scan(input, type, opt.keepNonFinite(), TransformPlan.MAX_CHANNELS,
                STATS_SAMPLES, tracker::scanned);
        if (st.count == 0) {
            throw new LatqException("input " + input.getFileName() + " holds no samples");
        }
        if (st.firstNonFinite >= 0 && !opt.keepNonFinite()) {
            throw new LatqException("sample " + st.firstNonFinite + " is " + st.firstNonFiniteValue
                    + " (use --keep-nonfinite to carry non-finite values)");
        }
        int c = st.channels;
        double[] mean = new double[c];
        double[] scale = new double[c];
        boolean perChannel = opt.target() == EcdqOptions.Target.SNR_DB;
        for (int i = 0; i < c; i++) {
            double s = st.sigma(i);
            mean[i] = st.mean[i];
            scale[i] = perChannel && s > 0 ? s : 1.0;
            if (!Double.isFinite(s) || !Double.isFinite(mean[i])) {
                throw new LatqException("the samples' mean or variance overflows a double (values too large)");
            }
        }
        double sigma = st.overallSigma();
        double nsm = opt.nsm();
        if (Double.isNaN(nsm)) {
            nsm = EcdqDesign.latticeNsm(lattice, opt.latticeSpec(), hash, opt.threads());
        }
        // the normalized distortion target d (per sample, after dividing by scale)
        double d = switch (opt.target()) {
            case MSE -> opt.targetValue();
            case SNR_DB -> StrictMath.pow(10.0, -opt.targetValue() / 10.0);
            case RATE -> Double.NaN;
        };
        if (opt.target() == EcdqOptions.Target.RATE) {
            double r = opt.targetValue();
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("target rate must be finite and ≥ 0, got " + r);
            }
            double var = Math.max(sigma * sigma, Double.MIN_NORMAL);
            d = var * StrictMath.pow(2, -2 * Math.max(0, r - 0.1)); // a guess for the plan choice
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("target gives MSE " + d + "; it must be positive and finite");
        }
        // the KLT across channels: for MSE and rate targets (one water level shared by all components); an SNR
        // target holds per channel, which a channel mix would blur, so it keeps the channels apart
        double[] klt = null;
        if (c > 1 && !perChannel && !opt.transform().equals("none") && st.completeSteps > 0) {
            double[] cov = new double[c * c];
            for (int i = 0; i < c * c; i++) {
                cov[i] = st.comoment[i] / st.completeSteps;
            }
            klt = Klt.fromCovariance(cov, c).basis();
        }
        long[] ts = PlanChooser.timeShape(st.format.shape(), st.count, c,
                st.format.container() == ContainerType.NPY);
        List<TransformPlan> candidates;
        try {
            candidates = PlanChooser.candidates(ts, c, klt, opt.transform(), opt.blockRows(),
                    FileHeader.MAX_BLOCK_SAMPLES);
        } catch (IllegalArgumentException e) {
            throw new LatqException("transform '" + opt.transform() + "': " + e.getMessage());
        }
        // progress: pass 1, one pass per candidate when there is a choice, the statistics pass, trials, coding
        // each later pass reports every block's samples, read or skipped (pass 1 is in tracker.done already)
        tracker.total = tracker.done + Tracker.SCAN * st.count * (1 + (candidates.size() > 1 ? candidates.size() : 0))
                + Tracker.CODE * st.count;
        tracker.report();
        TransformPlan plan = candidates.get(0);
        if (candidates.size() > 1) {
            // each candidate's predicted rate reads and transforms its own sample of blocks: in parallel, then the
            // first best in candidate order, as a sequential loop would choose. Progress is reported here, on the
            // caller's thread (the listener's contract), as each candidate's pass is collected.
            double dd = d;
            List<Workers.Job<Object, PlanRate>> jobs = new java.util.ArrayList<>();
            for (TransformPlan p : candidates) {
                jobs.add(unused -> {
                    long blocks = p.blockCount();
                    long per = Math.max(1, p.maxBlockSamples());
                    long stride = Math.max(1, (blocks * per) / CHOOSE_SAMPLES);
                    long[] passed = new long[1];
                    CellStatistics s = CellStatistics.compute(input, type, p, mean, scale, b -> b % stride == 0,
                            b -> false, k -> passed[0] += k);
                    return new PlanRate(PlanChooser.predictedRate(s, dd, perChannel, c, n), passed[0]);
                });
            }
            List<PlanRate> rates;
            try (Workers<Object> pool = new Workers<>(Math.min(opt.threads(), jobs.size()), Object::new)) {
                rates = pool.runAll(jobs);
            }
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < candidates.size(); i++) {
                TransformPlan p = candidates.get(i);
                tracker.scanned(rates.get(i).samplesPassed());
                double penalty = p.isIdentityInTime() ? 0 : PlanChooser.MIN_GAIN;
                if (rates.get(i).rate() + penalty < best) {
                    best = rates.get(i).rate() + penalty;
                    plan = p;
                }
            }
        }
        // trial blocks: evenly spread, TRIAL_SAMPLES in all at most
        long blocks = plan.blockCount();
        long trialBlocks = Math.max(1, Math.min(blocks, TRIAL_SAMPLES / Math.max(1, plan.maxBlockSamples())));
        long trialStride = Math.max(1, blocks / trialBlocks);
        // the water levels: every block, or evenly spread blocks of about STATS_SAMPLES when pass 1 sampled
        long allStride = !st.sampled ? 1 : Math.max(1, blocks * Math.max(1, plan.maxBlockSamples()) / STATS_SAMPLES);
        // the spectrum estimate behind the process bound: an array coded without a tile transform is measured with
        // the largest candidate tile (tile bins); a one-axis signal by a Welch estimate over the blocks of the
        // water-level pass, computed in a pass of its own beside the coding (it is printed after it; the same
        // estimate as one combined pass); otherwise the tile bins of the water-level pass
        boolean probe = ts.length > 1 && plan.isIdentityInTime();
        boolean welch = !probe && plan.timeShape().length == 1;
        CellStatistics all = CellStatistics.compute(input, type, plan, mean, scale, b -> b % allStride == 0,
                b -> b % trialStride == 0 && b / trialStride < trialBlocks, tracker::scanned, st.sampled,
                probe || welch ? CellStatistics.Parts.CELLS : CellStatistics.Parts.BOTH);
        CompletableFuture<CellStatistics> spectrum;
        if (probe) {
            TransformPlan p = PlanChooser.candidates(ts, c, klt, "auto", 0, FileHeader.MAX_BLOCK_SAMPLES).stream()
                    .filter(q -> !q.isIdentityInTime()).reduce((x, y) -> y).orElse(plan);
            long pb = p.blockCount();
            long pstride = Math.max(1, pb * Math.max(1, p.maxBlockSamples()) / CHOOSE_SAMPLES);
            spectrum = CompletableFuture.completedFuture(CellStatistics.compute(input, type, p, mean, scale,
                    b -> b % pstride == 0, b -> false));
        } else if (welch) {
            TransformPlan chosen = plan;
            spectrum = CompletableFuture.supplyAsync(() -> {
                try {
                    return CellStatistics.compute(input, type, chosen, mean, scale, b -> b % allStride == 0,
                            b -> false, x -> { }, st.sampled, CellStatistics.Parts.SPECTRUM);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } else {
            spectrum = CompletableFuture.completedFuture(all);
        }
        long seed = opt.seed() != null ? opt.seed() : new SecureRandom().nextLong();
        byte[] fileId = new byte[FileHeader.ID_BYTES];
        if (opt.seed() != null) {
            fileId = derivedId(seed, st.count, mean, scale);
        } else {
            new SecureRandom().nextBytes(fileId);
        }
        double[] theta = waterLevels(all, d, perChannel, c);
        // a level's polar coder falls back to the phase-table coder when --lattice names another lattice
        int coder = opt.coder() == FileHeader.CODER_POLAR_LEVELS
                && !(lattice instanceof io.latq.polarlattice.PolarLattice) ? FileHeader.CODER_PHASE_TABLE : opt.coder();
        FileHeader header = new FileHeader(st.format, fileId, description.toBytes(), n, hash, lattice.log2Volume(),
                nsm, seed, opt.target().code(), opt.targetValue(), n == 1 ? 0.0 : 1.0, opt.keepNonFinite(),
                st.nonFinite, plan, mean, scale, theta, opt.level(), coder, 1.0);
        Trials trials = new Trials(lattice, basis, all, tracker, opt.threads(), plan);
        if (opt.target() == EcdqOptions.Target.RATE) {
            header = rateSearch(header, trials, all, opt.targetValue(), sigma, perChannel, c);
        }
        if (header.coder() == FileHeader.CODER_POLAR_LEVELS) {
            // the level bits fit best at w = 1 (docs/ecdq.md); the coarse spread κ_c, then w, by trial encodings;
            // then the successive coder gets its chance: at high rate on long lists it can be a little smaller
            Trial polar = bestTrial(trials, null, header.withDesign(header.theta(), 1.0), COARSE_SCALES, true);
            polar = bestTrial(trials, polar, polar.header(), POLAR_SPREAD_WEIGHTS, false);
            Trial successive = bestTrial(trials, null, header.withCoder(FileHeader.CODER_PHASE_TABLE, 1.0),
                    POLAR_SPREAD_WEIGHTS, false);
            header = successive.bytes() < polar.bytes() ? successive.header() : polar.header();
        } else if (n > 1) {
            header = bestTrial(trials, null, header, SPREAD_WEIGHTS, false).header();
        }
        double targetMse = opt.target() == EcdqOptions.Target.MSE ? opt.targetValue() : Double.NaN;
        return encodeFile(input, type, output, opt, lattice, basis, header, tracker, sigma, targetMse, spectrum);
    }

    /** Largest lattice dimension the coder takes: its dense triangular basis is two n×n double matrices. */
    public static final int MAX_CODER_DIMENSION = 4096;

    /** Refuses a lattice whose dense triangular basis would not fit the limit or the heap. */
    static void checkMemory(int n, String spec) throws LatqException {
        if (n > MAX_CODER_DIMENSION) {
            throw new LatqException("lattice '" + EcdqDecompressor.abbreviate(spec) + "' has dimension " + n
                    + "; the ECDQ coder takes at most "
                    + MAX_CODER_DIMENSION);
        }
        long need = 16L * n * n;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max / 2) {
            throw new LatqException("lattice '" + EcdqDecompressor.abbreviate(spec) + "' of dimension " + n
                    + " needs " + (need >> 20)
                    + " MiB for its coder, more than this JVM can spare (" + (max >> 20) + " MiB heap)");
        }
    }

    /** A file identifier derived from an explicit seed and the source statistics (reproducible output). */
    private static byte[] derivedId(long seed, long count, double[] mean, double[] scale) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(16 + 16 * mean.length);
            b.putLong(seed).putLong(count);
            for (int i = 0; i < mean.length; i++) {
                b.putDouble(mean[i]).putDouble(scale[i]);
            }
            md.update("latq file id v2".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            md.update(b.array());
            return Arrays.copyOf(md.digest(), FileHeader.ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trial header and its coded size. */
    private record Trial(FileHeader header, long bytes) {
    }

    /** A candidate plan's predicted rate, and the samples its pass read or skipped (for the progress total). */
    private record PlanRate(double rate, long samplesPassed) {
    }

    /**
     * The trial header with the fewest bytes over {@code values} of κ_c ({@code coarse}) or of w, the first on ties;
     * a candidate equal to {@code known} (a header already encoded, or null) takes its size instead of a new trial.
     * The other candidates are encoded in parallel (each size depends on its header only).
     */
    private static Trial bestTrial(Trials trials, Trial known, FileHeader header, double[] values, boolean coarse)
            throws LatqException {
        List<FileHeader> todo = new java.util.ArrayList<>();
        FileHeader[] hs = new FileHeader[values.length];
        boolean[] isKnown = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            hs[i] = coarse ? header.withCoarseScale(values[i]) : header.withDesign(header.theta(), values[i]);
            isKnown[i] = known != null && hs[i].equals(known.header());
            if (!isKnown[i]) {
                todo.add(hs[i]);
            }
        }
        List<Long> sizes = trials.bytes(todo);
        Trial best = null;
        for (int i = 0, next = 0; i < values.length; i++) {
            long bytes = isKnown[i] ? known.bytes() : sizes.get(next++);
            if (best == null || bytes < best.bytes()) {
                best = new Trial(hs[i], bytes);
            }
        }
        return best;
    }

    /** Water level per channel component at normalized distortion d (one shared level unless perChannel). */
    static double[] waterLevels(CellStatistics s, double d, boolean perChannel, int channels) {
        double[] theta = new double[channels];
        if (perChannel) {
            for (int c = 0; c < channels; c++) {
                double[][] vw = s.ofChannel(c);
                theta[c] = level(vw[0], vw[1], d);
            }
        } else {
            Arrays.fill(theta, level(s.variance, s.weight, d));
        }
        return theta;
    }

    /** θ for components v, w at mean distortion d; positive even when every component is zero. */
    static double level(double[] v, double[] w, double d) {
        double theta = v.length == 0 ? d : ReverseWaterFilling.solve(v, w, d).theta();
        return theta > 0 ? theta : d;
    }

    /** Trial encodings of the kept blocks: their coded size under a candidate header. */
    private static final class Trials {
        private final Lattice lattice;
        private final TriangularBasis basis;
        private final CellStatistics kept;
        private final Tracker tracker;
        private final int threads;
        private final TransformPlan plan;
        /** The kept parts' lattice points, quantized once for every trial header that quantizes alike. */
        private final TransformBlockCoder.TrialPoints points = new TransformBlockCoder.TrialPoints();

        Trials(Lattice lattice, TriangularBasis basis, CellStatistics kept, Tracker tracker, int threads,
               TransformPlan plan) {
            this.plan = plan;
            this.lattice = lattice;
            this.basis = basis;
            this.kept = kept;
            this.tracker = tracker;
            this.threads = threads;
        }

        long bytes(FileHeader h) throws LatqException {
            return bytes(List.of(h)).get(0);
        }

        /** The sizes of the kept blocks under each header, in order; the headers are encoded in parallel. */
        List<Long> bytes(List<FileHeader> headers) throws LatqException {
            // a trial's size is known only when it starts: it extends the total and the work done together
            tracker.total += Tracker.CODE * samples() * headers.size();
            List<Workers.Job<Object, Long>> jobs = new java.util.ArrayList<>();
            for (FileHeader h : headers) {
                jobs.add(unused -> encodedSize(h));
            }
            List<Long> sizes;
            try (Workers<Object> pool = new Workers<>(Math.max(1, Math.min(threads, headers.size())), Object::new)) {
                sizes = pool.runAll(jobs);
            } catch (LatqException e) {
                throw e;
            } catch (IOException e) {
                throw new IllegalStateException(e); // trial encodings read no file
            }
            tracker.coded(samples() * headers.size());
            return sizes;
        }

        private long encodedSize(FileHeader h) throws LatqException {
            TransformBlockCoder coder = new TransformBlockCoder(lattice, basis, h);
            long total = 0;
            for (int i = 0; i < kept.keptSamples.size(); i++) {
                total += coder.encodePart(kept.keptBlocks.get(i), kept.keptSamples.get(i), rows(i), points).bytes()
                        .length;
            }
            return total;
        }

        /**
         * The rows of kept block i that a trial codes: whole rows up to TRIAL_SAMPLES samples (at least
         * one), so a file cut into large blocks is not trial-coded a whole block at a time.
         */
        private int rows(int i) {
            long perRow = plan.rowPositions() * plan.channels();
            long blockRows = kept.keptSamples.get(i).length / perRow;
            return (int) Math.max(1, Math.min(blockRows, TRIAL_SAMPLES / perRow));
        }

        long samples() {
            long s = 0;
            for (int i = 0; i < kept.keptSamples.size(); i++) {
                s += rows(i) * plan.rowPositions() * plan.channels();
            }
            return s;
        }
    }

    /** Bisection on log d so that the trial blocks' rate plus the file overhead meets {@code rate}. */
    private static FileHeader rateSearch(FileHeader h, Trials trials, CellStatistics all, double rate, double sigma,
                                         boolean perChannel, int channels) throws LatqException {
        long count = h.sampleCount();
        double overheadBits = 8.0 * (h.toBytes().length + BlockFormat.TRAILER_SIZE
                + h.blockCount() * (BlockFormat.BLOCK_FIXED + 4 + 4 + h.plan().cellsPerBlock())
                + (double) BlockFormat.NONFINITE_ENTRY * h.nonFiniteCount());
        double payloadRate = rate - overheadBits / count;
        double var = Math.max(sigma * sigma, Double.MIN_NORMAL);
        double hi = StrictMath.log(var * 4);
        if (payloadRate <= 0) {
            return h.withDesign(waterLevels(all, StrictMath.exp(hi), perChannel, channels), h.spreadWeight());
        }
        double lo = StrictMath.log(var * StrictMath.pow(2, -2 * payloadRate) / 1e6);
        long samples = Math.max(1, trials.samples());
        for (int it = 0; it < RATE_STEPS; it++) {
            double mid = 0.5 * (lo + hi);
            FileHeader trial = h.withDesign(waterLevels(all, StrictMath.exp(mid), perChannel, channels),
                    h.spreadWeight());
            double r = 8.0 * (trials.bytes(trial) - trials.kept.keptSamples.size()
                    * (BlockFormat.BLOCK_FIXED + 4 + 4)) / samples;
            if (r > payloadRate) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return h.withDesign(waterLevels(all, StrictMath.exp(hi), perChannel, channels), h.spreadWeight());
    }

    /** Counts units of work for the {@link ProgressListener}; single-threaded (the caller's thread). */
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
            done += SCAN * samples;
            report();
        }

        void coded(long samples) {
            done += CODE * samples;
            report();
        }

        void report() {
            listener.progress(done, total < 0 ? -1 : Math.max(total, done));
        }
    }

    /** The result of the spectrum pass; its I/O error (the file changed under us) is rethrown as such. */
    private static CellStatistics spectrumOf(CompletableFuture<CellStatistics> task)
            throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while estimating the spectrum");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static CompressionReport encodeFile(Path input, String type, Path output, EcdqOptions opt,
                                                Lattice lattice, TriangularBasis basis, FileHeader header,
                                                Tracker tracker, double sigma, double targetMse,
                                                CompletableFuture<CellStatistics> spectrum)
            throws IOException {
        TransformPlan plan = header.plan();
        long blocks = plan.blockCount();
        int threads = opt.threads();
        int depth = threads == 1 ? 1 : 2 * threads;
        int maxS = (int) Math.min(plan.maxBlockSamples(), header.sampleCount());
        double sse = 0;
        double maxAbs = 0;
        long finite = 0;
        double modelBits = 0;
        double[] sseByChannel = new double[plan.channels()];
        long[] finiteByChannel = new long[plan.channels()];
        try (AtomicOutput out = AtomicOutput.create(output, opt.force());
             SampleReader reader = SampleFiles.open(input, type);
             Workers<TransformBlockCoder> workers = new Workers<>(threads,
                     () -> new TransformBlockCoder(lattice, basis, header))) {
            byte[] hb = header.toBytes();
            out.stream().write(hb);
            double[][] bufs = new double[depth][maxS];
            Workers<TransformBlockCoder>.Pipeline<TransformBlockCoder.Encoded> pipeline = workers.pipeline(depth);
            long first = 0;
            for (long b = 0; b < blocks || !pipeline.isEmpty(); b++) {
                if (pipeline.full() || (b >= blocks && !pipeline.isEmpty())) {
                    // oldest first: blocks are written in order whatever the thread count; this frees bufs[b % depth]
                    TransformBlockCoder.Encoded e = pipeline.takeOldest();
                    out.stream().write(e.bytes());
                    sse += e.sse();
                    for (int ch = 0; ch < sseByChannel.length; ch++) {
                        sseByChannel[ch] += e.sseByChannel()[ch];
                        finiteByChannel[ch] += e.finiteByChannel()[ch];
                    }
                    maxAbs = Math.max(maxAbs, e.maxAbsError());
                    finite += e.finiteCount();
                    modelBits += e.idealBits();
                    tracker.coded(e.samples());
                }
                if (b < blocks) {
                    int count = (int) plan.samplesInBlock(b);
                    double[] buf = bufs[(int) (b % depth)];
                    reader.readFully(buf, count);
                    long block = b;
                    long firstIndex = first;
                    pipeline.submit(coder -> coder.encode(block, buf, count, firstIndex, null));
                    first += count;
                }
            }
            if (reader.read(new double[1], 0, 1) > 0) {
                throw new LatqException("input changed between passes (more samples than counted)");
            }
            out.stream().write(BlockFormat.trailer(blocks, header.sampleCount(), header.crc()));
            // the spectrum pass reads the input too: an error there must leave no output, so it is awaited first
            CellStatistics cells = spectrumOf(spectrum);
            long size = out.size();
            out.commit();
            double mse = finite > 0 ? sse / finite : 0;
            double processRd;
            if (opt.target() == EcdqOptions.Target.SNR_DB && plan.channels() > 1) {
                double[] mseByChannel = new double[plan.channels()];
                for (int ch = 0; ch < mseByChannel.length; ch++) {
                    mseByChannel[ch] = finiteByChannel[ch] > 0 ? sseByChannel[ch] / finiteByChannel[ch] : 0;
                }
                processRd = cells.processBoundPerChannel(header.scale(), mseByChannel, finiteByChannel);
            } else {
                processRd = cells.processBound(header.scale(), mse);
            }
            return new CompressionReport(header.sampleCount(), size, mse, maxAbs, sigma, targetMse, header.nsm(),
                    modelBits, header.nonFiniteCount(), blocks, plan.describe(), processRd, header.seed());
        }
    }
}
