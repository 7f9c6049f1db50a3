package io.latq.cli;

import io.latq.ecdq.quantizer.EcdqDesign;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small self-contained SVG plot of rate (bits/sample, linear) against MSE (log scale, decreasing to the right):
 * R(D) as a solid black curve, each lattice's ECDQ bound R(D) + ½log2(2πeG) dashed, measured points as markers.
 */
final class RdPlot {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final int W = 720;
    private static final int H = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 55;

    private RdPlot() {
    }

    static String svg(List<RdCommand.Point> pts, double sigma, double[] range) {
        double dHi = Math.max(range[0], range[1]);
        double dLo = Math.min(range[0], range[1]);
        for (RdCommand.Point p : pts) {
            dHi = Math.max(dHi, p.mse());
            dLo = Math.min(dLo, p.mse());
        }
        double xHi = Math.ceil(StrictMath.log10(dHi) + 1e-9);
        double xLo = Math.floor(StrictMath.log10(dLo) - 1e-9);
        double yMax = 0.5;
        for (RdCommand.Point p : pts) {
            yMax = Math.max(yMax, Math.max(p.bitsPerSample(), EcdqDesign.ecdqBound(sigma, p.mse(), p.nsm())));
        }
        yMax = Math.max(yMax, EcdqDesign.rateDistortion(sigma, StrictMath.pow(10, xLo)));
        yMax = Math.ceil(yMax + 0.25);
        final double fxHi = xHi;
        final double fxLo = xLo;
        final double fyMax = yMax;
        java.util.function.DoubleUnaryOperator sx = d -> LEFT + (fxHi - StrictMath.log10(d)) / (fxHi - fxLo)
                * (W - LEFT - RIGHT);
        java.util.function.DoubleUnaryOperator sy = r -> H - BOTTOM - r / fyMax * (H - TOP - BOTTOM);

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">"
                + "ECDQ on N(0, %s): measured rate vs MSE</text>%n", W / 2, fmt(sigma * sigma)));
        // axes and grid
        for (double e = xLo; e <= xHi + 1e-9; e++) {
            double x = sx.applyAsDouble(StrictMath.pow(10, e));
            s.append(line(x, TOP, x, H - BOTTOM, "#dddddd", null));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">1e%d</text>%n",
                    x, H - BOTTOM + 18, (int) e));
        }
        double yStep = yMax > 8 ? 2 : (yMax > 4 ? 1 : 0.5);
        for (double r = 0; r <= yMax + 1e-9; r += yStep) {
            double y = sy.applyAsDouble(r);
            s.append(line(LEFT, y, W - RIGHT, y, "#dddddd", null));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, fmt(r)));
        }
        s.append(line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "black", null));
        s.append(line(LEFT, TOP, LEFT, H - BOTTOM, "black", null));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">MSE (log scale)</text>%n",
                (LEFT + W - RIGHT) / 2, H - 12));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %d)\">bits/sample</text>%n",
                (TOP + H - BOTTOM) / 2, (TOP + H - BOTTOM) / 2));
        // R(D)
        s.append(curve(sigma, 0, xLo, xHi, sx, sy, "black", null));
        // per lattice: bound and points
        Map<String, List<RdCommand.Point>> byLattice = new LinkedHashMap<>();
        for (RdCommand.Point p : pts) {
            byLattice.computeIfAbsent(p.lattice(), k -> new ArrayList<>()).add(p);
        }
        int li = 0;
        int legendY = TOP + 10;
        s.append(legend(LEFT + 12, legendY, "black", null, false, "R(D) = ½log2(σ²/D)"));
        for (Map.Entry<String, List<RdCommand.Point>> e : byLattice.entrySet()) {
            String c = COLORS[li % COLORS.length];
            double nsm = e.getValue().get(0).nsm();
            s.append(curve(sigma, EcdqDesign.ecdqRedundancy(nsm), xLo, xHi, sx, sy, c, "6,4"));
            for (RdCommand.Point p : e.getValue()) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n",
                        sx.applyAsDouble(p.mse()), sy.applyAsDouble(p.bitsPerSample()), c));
            }
            legendY += 18;
            s.append(legend(LEFT + 12, legendY, c, "6,4", false, e.getKey() + " ECDQ bound (G = "
                    + String.format(Locale.ROOT, "%.5f", nsm) + ")"));
            legendY += 18;
            s.append(legend(LEFT + 12, legendY, c, null, true, e.getKey() + " measured (file size)"));
            li++;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** A rate curve R(D) + offset for D ≤ σ² over the decades [xLo, xHi]. */
    private static String curve(double sigma, double offset, double xLo, double xHi,
                                java.util.function.DoubleUnaryOperator sx, java.util.function.DoubleUnaryOperator sy,
                                String color, String dash) {
        StringBuilder d = new StringBuilder();
        int steps = 200;
        for (int i = 0; i <= steps; i++) {
            double mse = StrictMath.pow(10, xHi + (xLo - xHi) * i / steps);
            if (mse >= sigma * sigma) {
                continue;
            }
            double r = EcdqDesign.rateDistortion(sigma, mse) + offset;
            d.append(d.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                    sx.applyAsDouble(mse), sy.applyAsDouble(r)));
        }
        return String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"%s/>%n",
                d, color, dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String legend(int x, int y, String color, String dash, boolean marker, String text) {
        String sym = marker
                ? String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>", x + 12, y - 4, color)
                : line(x, y - 4, x + 24, y - 4, color, dash).trim();
        return sym + String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 32, y, text);
    }

    private static String line(double x1, double y1, double x2, double y2, String color, String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, color, dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
