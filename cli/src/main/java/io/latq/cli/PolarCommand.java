package io.latq.cli;

import io.latq.common.output.AtomicOutput;
import io.latq.polar.Crc;
import io.latq.polar.FrozenSet;
import io.latq.polar.PolarTransform;
import io.latq.polar.construct.BitChannelReliabilities;
import io.latq.polar.construct.FrozenSetConstruction;
import io.latq.polar.construct.FrozenSetConstructions;
import io.latq.polarlattice.CheckNodeKernel;
import io.latq.polar.decode.PolarDecoders;
import io.latq.polar.sim.BinomialInterval;
import io.latq.polar.sim.PolarSimulation;
import io.latq.polar.sim.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code polar construct} and {@code polar simulate}: frozen-set construction and BPSK/AWGN simulation of polar codes.
 * Bad input is reported as a picocli {@link ParameterException} (one-line message plus usage, exit code 2).
 */
@Command(name = "polar", footer = {"%nExamples:",
                "  latq polar construct --n 1024 --k 512 --channel awgn:sigma=0.8",
                "  latq polar simulate --n 1024 --k 512 --ebn0 2 --frames 10000"},
        mixinStandardHelpOptions = true,
        description = "Polar codes (natural order x = u F^(kron m)): frozen-set construction and simulation.",
        subcommands = {PolarCommand.Construct.class, PolarCommand.Simulate.class})
public class PolarCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: construct or simulate");
    }

    /** A parsed channel string: {@code awgn:sigma=S}, {@code awgn:ebn0=DB} (rate K/N) or {@code bec:e=E}. */
    static final class ChannelSpec {
        final boolean awgn;
        final double parameter; // sigma or epsilon
        final String text;

        ChannelSpec(boolean awgn, double parameter, String text) {
            this.awgn = awgn;
            this.parameter = parameter;
            this.text = text;
        }

        static ChannelSpec parse(String s, double rate) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            int colon = t.indexOf(':');
            int eq = t.indexOf('=');
            if (colon < 0 || eq < colon) {
                throw new IllegalArgumentException("bad channel '" + s
                        + "' (use awgn:sigma=S, awgn:ebn0=DB or bec:e=E)");
            }
            String kind = t.substring(0, colon);
            String key = t.substring(colon + 1, eq);
            double v;
            try {
                v = Double.parseDouble(t.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number in channel '" + s + "'");
            }
            if (kind.equals("awgn") && key.equals("sigma")) {
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("sigma must be positive and finite in '" + s + "'");
                }
                return new ChannelSpec(true, v, "awgn:sigma=" + v);
            }
            if (kind.equals("awgn") && key.equals("ebn0")) {
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("Eb/N0 must be finite in '" + s + "'");
                }
                double sigma = PolarSimulation.sigmaForEbN0(v, rate);
                return new ChannelSpec(true, sigma, "awgn:sigma=" + sigma);
            }
            if (kind.equals("bec") && (key.equals("e") || key.equals("eps"))) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("erasure probability must be in [0,1] in '" + s + "'");
                }
                return new ChannelSpec(false, v, "bec:e=" + v);
            }
            throw new IllegalArgumentException("bad channel '" + s + "' (use awgn:sigma=S, awgn:ebn0=DB or bec:e=E)");
        }
    }

    static void checkCode(int n, int k) {
        if (!PolarTransform.isPowerOfTwo(n)) {
            throw new IllegalArgumentException("N must be a power of 2, got " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("K must be in 0..N = " + n + ", got " + k);
        }
    }

    static FrozenSetConstruction construction(String method, ChannelSpec ch, int mu, int frames, long seed) {
        return FrozenSetConstructions.byName(method, ch.awgn, ch.parameter, mu, frames, seed);
    }

    static CheckNodeKernel rule(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "exact":
                return CheckNodeKernel.EXACT;
            case "min-sum":
            case "minsum":
                return CheckNodeKernel.MIN_SUM;
            default:
                throw new IllegalArgumentException("unknown check-node rule '" + s + "' (use exact or min-sum)");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** {@code polar construct}. */
    @Command(name = "construct", footer = {"%nExamples:",
                    "  latq polar construct --n 1024 --k 512 --channel awgn:sigma=0.8",
                    "  latq polar construct --n 256 --k 128 --channel bec:e=0.5 --method bec -o frozen.json --json"},
            mixinStandardHelpOptions = true,
            description = "Rank the bit channels and print the information set and the reliabilities.")
    static final class Construct implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--n", required = true, description = "block length N (a power of 2)")
        int n;

        @Option(names = "--k", required = true, description = "number of information bits K")
        int k;

        @Option(names = "--channel", required = true,
                description = "awgn:sigma=S, awgn:ebn0=DB (rate K/N) or bec:e=E")
        String channel;

        @Option(names = "--method", defaultValue = "ga",
                description = "bec | bhattacharyya | ga | tv | mc (default: ${DEFAULT-VALUE})")
        String method;

        @Option(names = "--mu", defaultValue = "32",
                description = "Tal-Vardy output alphabet size mu (default: ${DEFAULT-VALUE})")
        int mu;

        @Option(names = "--frames", defaultValue = "10000",
                description = "Monte Carlo frames (default: ${DEFAULT-VALUE})")
        int frames;

        @Option(names = "--seed", defaultValue = "1", description = "Monte Carlo seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--json", description = "print JSON instead of text")
        boolean json;

        @Option(names = {"-o", "--output"}, description = "also write the JSON to this file")
        Path output;

        @Option(names = "--force", description = "overwrite an existing -o file")
        boolean force;

        @Override
        public Integer call() {
            BitChannelReliabilities r;
            ChannelSpec ch;
            try {
                checkCode(n, k);
                ch = ChannelSpec.parse(channel, n == 0 ? 1 : Math.max((double) k / n, 1e-9));
                r = construction(method, ch, mu, frames, seed).construct(n);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            FrozenSet fs = r.toFrozenSet(k, ch.text);
            Map<String, double[]> extra = new LinkedHashMap<>();
            put(extra, "error_probability", r.errorProbability());
            put(extra, "error_lower_bound", r.errorLowerBound());
            put(extra, "error_upper_bound", r.errorUpperBound());
            put(extra, "error_std_error", r.errorStdError());
            put(extra, "entropy", r.entropy());
            put(extra, "entropy_std_error", r.entropyStdError());
            String jsonText = fs.toJson(extra);
            if (output != null) {
                int code = CliSupport.run(spec.commandLine().getErr(), () -> {
                    AtomicOutput.writeString(output, jsonText, force);
                    return 0;
                });
                if (code != 0) {
                    return code;
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonOutput.line(JsonOutput.read(jsonText))); // the file's content, on one line
            } else {
                printText(out, r, fs);
            }
            out.flush();
            return 0;
        }

        private static void put(Map<String, double[]> m, String key, double[] v) {
            if (v != null) {
                m.put(key, v);
            }
        }

        private void printText(PrintWriter out, BitChannelReliabilities r, FrozenSet fs) {
            out.println("method: " + r.method() + "   channel: " + fs.channel() + "   N=" + n + " K=" + k);
            out.println("sha256: " + fs.sha256());
            StringBuilder b = new StringBuilder("information_set:");
            for (int t : fs.informationSet()) {
                b.append(' ').append(t);
            }
            out.println(b);
            double[] rel = r.reliability();
            double[] pe = r.errorProbability();
            double[] lo = r.errorLowerBound();
            double[] hi = r.errorUpperBound();
            double[] h = r.entropy();
            StringBuilder head = new StringBuilder("t\tinfo\treliability");
            if (pe != null) {
                head.append("\terror_prob");
            }
            if (lo != null) {
                head.append("\terror_lower");
            }
            if (hi != null) {
                head.append("\terror_upper");
            }
            if (h != null) {
                head.append("\tentropy");
            }
            out.println(head);
            boolean[] frozen = fs.frozenMask();
            for (int t = 0; t < n; t++) {
                StringBuilder line = new StringBuilder();
                line.append(t).append('\t').append(frozen[t] ? 0 : 1).append('\t').append(fmt(rel[t]));
                if (pe != null) {
                    line.append('\t').append(fmt(pe[t]));
                }
                if (lo != null) {
                    line.append('\t').append(fmt(lo[t]));
                }
                if (hi != null) {
                    line.append('\t').append(fmt(hi[t]));
                }
                if (h != null) {
                    line.append('\t').append(fmt(h[t]));
                }
                out.println(line);
            }
            if (hi != null) {
                double s = 0;
                for (int t : fs.informationSet()) {
                    s += hi[t];
                }
                out.println("sum of error upper bounds over the information set (SC block error bound): " + fmt(s));
            }
        }
    }

    /** {@code polar simulate}. */
    @Command(name = "simulate", footer = {"%nExamples:",
                    "  latq polar simulate --n 1024 --k 512 --ebn0 2 --frames 10000",
                    "  latq polar simulate --n 128 --k 64 --ebn0 1.5 --decoder scl:8 --crc 8 --frames 5000 --json"},
            mixinStandardHelpOptions = true,
            description = "Simulate BPSK over AWGN and print FER and BER with 95%% intervals and the throughput.")
    static final class Simulate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--n", required = true, description = "block length N (a power of 2)")
        int n;

        @Option(names = "--k", required = true,
                description = "message bits K; with --crc the code has K + CRC information positions, rate K/N")
        int k;

        @Option(names = "--ebn0", required = true, description = "Eb/N0 in dB")
        double ebN0;

        @Option(names = "--decoder", defaultValue = "sc",
                description = "sc | fast-ssc | fast-ssc-nospc | scl:L (default: ${DEFAULT-VALUE})")
        String decoder;

        @Option(names = "--crc", defaultValue = "0", description = "CRC bits: 0, 8, 11, 16 or 24 (default: 0)")
        int crcBits;

        @Option(names = "--rule", defaultValue = "exact",
                description = "check-node rule: exact | min-sum (default: ${DEFAULT-VALUE})")
        String rule;

        @Option(names = "--method", defaultValue = "ga",
                description = "construction at the design SNR: ga | tv | bhattacharyya | mc "
                        + "(default: ${DEFAULT-VALUE})")
        String method;

        @Option(names = "--design-ebn0", description = "design Eb/N0 of the construction (default: --ebn0)")
        Double designEbN0;

        @Option(names = "--mu", defaultValue = "32", description = "Tal-Vardy mu when --method tv")
        int mu;

        @Option(names = "--frames", required = true, description = "number of frames")
        long frames;

        @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--threads", description = "worker threads (default: all cores); results do not depend on it")
        Integer threadsOption;

        private int threads;

        @Option(names = "--json", description = "print JSON instead of text")
        boolean json;

        @Option(names = "--no-progress", description = "never show the progress bar (on a terminal, after 1 s)")
        boolean noProgress;

        @Override
        public Integer call() {
            SimulationResult r;
            FrozenSet fs;
            CheckNodeKernel f;
            try {
                Crc crc = crcBits == 0 ? null : Crc.ofLength(crcBits);
                int kCode = k + crcBits;
                checkCode(n, kCode);
                if (k < 1) {
                    throw new IllegalArgumentException("K must be >= 1, got " + k);
                }
                threads = CliSupport.threads(threadsOption);
                if (frames < 1) {
                    throw new IllegalArgumentException("--frames must be >= 1");
                }
                f = rule(rule);
                double rate = (double) k / n;
                double design = designEbN0 == null ? ebN0 : designEbN0;
                double sigma = PolarSimulation.sigmaForEbN0(design, rate);
                ChannelSpec ch = new ChannelSpec(true, sigma, "awgn:sigma=" + sigma);
                BitChannelReliabilities rel = construction(method, ch, mu, 10000, seed).construct(n);
                fs = rel.toFrozenSet(kCode, ch.text);
                boolean[] frozen = fs.frozenMask();
                PolarDecoders.create(decoder, frozen, f, crc); // validate the spec before starting threads
                PolarSimulation sim = new PolarSimulation(frozen, crc);
                try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "simulate", frames, !noProgress)) {
                    r = sim.run(() -> PolarDecoders.create(decoder, frozen, f, crc), ebN0, frames, seed, threads,
                            bar::update);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            BinomialInterval fer = r.ferInterval();
            BinomialInterval ber = r.berInterval();
            if (json) {
                Map<String, Object> o = JsonOutput.object();
                o.put("n", n);
                o.put("k", k);
                o.put("crc_bits", crcBits);
                o.put("decoder", decoder);
                o.put("rule", f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                o.put("method", method);
                o.put("ebn0_db", ebN0);
                o.put("sigma", r.sigma());
                o.put("frames", r.frames());
                o.put("frame_errors", r.frameErrors());
                o.put("bit_errors", r.bitErrors());
                o.put("fer", r.fer());
                o.put("fer_ci95", new double[] {fer.lower(), fer.upper()});
                o.put("ber", r.ber());
                o.put("ber_ci95", new double[] {ber.lower(), ber.upper()});
                o.put("seed", seed);
                o.put("threads", threads);
                o.put("decode_throughput_bps_per_core", r.decodeThroughputPerCore());
                o.put("wall_throughput_bps", r.wallThroughput());
                o.put("information_set", fs.informationSet());
                o.put("information_set_sha256", fs.sha256());
                out.println(JsonOutput.line(o));
            } else {
                out.println("polar (" + n + ", " + (k + crcBits) + ") " + (crcBits > 0 ? "CRC-" + crcBits + " " : "")
                        + "decoder " + decoder + " (" + f + "), construction " + method + ", Eb/N0 " + ebN0
                        + " dB, sigma " + fmt(r.sigma()));
                out.println("frames " + r.frames() + ", frame errors " + r.frameErrors() + ", bit errors "
                        + r.bitErrors());
                out.println("FER " + fmt(r.fer()) + "  95% CI [" + fmt(fer.lower()) + ", " + fmt(fer.upper()) + "]");
                out.println("BER " + fmt(r.ber()) + "  95% CI [" + fmt(ber.lower()) + ", " + fmt(ber.upper())
                        + "] (bits treated as independent)");
                out.println("throughput: decode " + fmt(r.decodeThroughputPerCore() / 1e6) + " Mb/s per core, overall "
                        + fmt(r.wallThroughput() / 1e6) + " Mb/s with " + threads + " thread(s)");
            }
            out.flush();
            return 0;
        }
    }
}
