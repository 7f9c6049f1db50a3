package io.latq.polar.construct;

import io.latq.polar.DeterministicMath;

/**
 * The output-alphabet reduction of Tal &amp; Vardy ("How to construct polar codes", IEEE Trans. IT 2013) on a
 * symmetric channel stored as symbol pairs (mass π_i, error posterior e_i ∈ [0, 1/2]); e_i = 1/(1 + e^{|LLR_i|}).
 *
 * <ul>
 *   <li>Degrading merge: two neighbouring pairs (in LLR order) become one with mass π_i + π_j and the
 *       mass-weighted posterior; the greedy choice minimises the capacity lost.</li>
 *   <li>Upgrading merge (their Lemma 9, "merge three into two"): the middle pair j of neighbours i, j, k is split
 *       between i and k, a fraction θ = (e_j − e_k)/(e_i − e_k) of its mass to i, so that its posterior is the
 *       matching mixture; the greedy choice minimises the capacity gained.</li>
 * </ul>
 * Greedy selection uses an indexed binary heap over a doubly linked list, O(n log n) per reduction. Costs use
 * {@link DeterministicMath} so the choices are identical on every JVM. Not thread-safe; reuse for many reductions.
 */
final class TalVardyMerger {

    private double[] p;
    private double[] e;
    private double[] hh;
    private int[] prev;
    private int[] next;
    private double[] key;
    private int[] heap;
    private int[] pos;
    private int heapSize;

    TalVardyMerger(int capacity) {
        ensure(capacity);
    }

    private void ensure(int cap) {
        if (p != null && p.length >= cap) {
            return;
        }
        p = new double[cap];
        e = new double[cap];
        hh = new double[cap];
        prev = new int[cap];
        next = new int[cap];
        key = new double[cap];
        heap = new int[cap];
        pos = new int[cap];
    }

    /**
     * Sorts (mass, err)[0..len) by decreasing posterior (increasing LLR), joins equal posteriors, drops zero
     * masses, then merges until at most {@code target} pairs remain. Writes the result back to the front of the
     * arrays (sorted) and returns the new length.
     */
    int reduce(double[] mass, double[] err, int len, int target, boolean degrading) {
        if (target < (degrading ? 1 : 2)) {
            throw new IllegalArgumentException("target size too small: " + target);
        }
        ensure(len);
        sortByErrDescending(err, mass, 0, len - 1);
        int c = 0;
        for (int i = 0; i < len; i++) {
            if (!(mass[i] > 0)) {
                continue;
            }
            if (c > 0 && e[c - 1] == err[i]) {
                p[c - 1] += mass[i];
            } else {
                p[c] = mass[i];
                e[c] = err[i];
                c++;
            }
        }
        if (c > target) {
            for (int i = 0; i < c; i++) {
                hh[i] = h(e[i]);
                prev[i] = i - 1;
                next[i] = i + 1 < c ? i + 1 : -1;
            }
            if (degrading) {
                degrade(c, target);
            } else {
                upgrade(c, target);
            }
            int j = 0;
            for (int i = 0; i != -1; i = next[i]) {
                mass[j] = p[i];
                err[j] = e[i];
                j++;
            }
            return j;
        }
        System.arraycopy(p, 0, mass, 0, c);
        System.arraycopy(e, 0, err, 0, c);
        return c;
    }

    private void degrade(int count, int target) {
        heapSize = 0;
        for (int i = 0; i < count; i++) {
            pos[i] = -1;
        }
        for (int i = 0; i + 1 < count; i++) {
            push(i, degradeCost(i));
        }
        while (count > target) {
            int i = pop();
            int j = next[i];
            double pm = p[i] + p[j];
            e[i] = (p[i] * e[i] + p[j] * e[j]) / pm;
            p[i] = pm;
            hh[i] = h(e[i]);
            unlink(j);
            count--;
            if (next[i] != -1) {
                push(i, degradeCost(i));
            }
            if (prev[i] != -1) {
                update(prev[i], degradeCost(prev[i]));
            }
        }
    }

    private double degradeCost(int i) {
        int j = next[i];
        double pm = p[i] + p[j];
        double em = (p[i] * e[i] + p[j] * e[j]) / pm;
        return pm * h(em) - p[i] * hh[i] - p[j] * hh[j];
    }

    private void upgrade(int count, int target) {
        heapSize = 0;
        for (int i = 0; i < count; i++) {
            pos[i] = -1;
        }
        for (int j = 1; j + 1 < count; j++) {
            push(j, upgradeCost(j));
        }
        while (count > target) {
            int j = pop();
            int i = prev[j];
            int k = next[j];
            double theta = theta(i, j, k);
            p[i] += theta * p[j];
            p[k] += (1.0 - theta) * p[j];
            unlink(j);
            count--;
            if (prev[i] != -1) {
                update(i, upgradeCost(i));
            }
            if (next[k] != -1) {
                update(k, upgradeCost(k));
            }
        }
    }

    private double theta(int i, int j, int k) {
        double d = e[i] - e[k];
        if (!(d > 0)) {
            return 0.5;
        }
        double t = (e[j] - e[k]) / d;
        return t < 0 ? 0 : (t > 1 ? 1 : t);
    }

    private double upgradeCost(int j) {
        int i = prev[j];
        int k = next[j];
        double t = theta(i, j, k);
        return p[j] * (hh[j] - t * hh[i] - (1.0 - t) * hh[k]);
    }

    private void unlink(int j) {
        int a = prev[j];
        int b = next[j];
        if (a != -1) {
            next[a] = b;
        }
        if (b != -1) {
            prev[b] = a;
        }
        if (pos[j] != -1) {
            removeAt(pos[j]);
        }
    }

    /** Binary entropy in bits (via {@link DeterministicMath}, so greedy choices are identical on every JVM). */
    static double h(double x) {
        if (x <= 0 || x >= 1) {
            return 0.0;
        }
        return -(x * DeterministicMath.log(x) + (1 - x) * DeterministicMath.log1p(-x)) / LN2;
    }

    private static final double LN2 = 0.6931471805599453;

    // ---- indexed min-heap keyed by (cost, node index) ----

    private boolean less(int a, int b) {
        return key[a] < key[b] || (key[a] == key[b] && a < b);
    }

    private void push(int node, double k) {
        key[node] = k;
        heap[heapSize] = node;
        pos[node] = heapSize;
        heapSize++;
        siftUp(heapSize - 1);
    }

    private void update(int node, double k) {
        if (pos[node] == -1) {
            push(node, k);
            return;
        }
        key[node] = k;
        siftUp(pos[node]);
        siftDown(pos[node]);
    }

    private int pop() {
        int top = heap[0];
        removeAt(0);
        return top;
    }

    private void removeAt(int at) {
        int node = heap[at];
        pos[node] = -1;
        heapSize--;
        if (at == heapSize) {
            return;
        }
        int last = heap[heapSize];
        heap[at] = last;
        pos[last] = at;
        siftUp(at);
        siftDown(pos[last]);
    }

    private void siftUp(int at) {
        int node = heap[at];
        while (at > 0) {
            int parent = (at - 1) >> 1;
            if (!less(node, heap[parent])) {
                break;
            }
            heap[at] = heap[parent];
            pos[heap[at]] = at;
            at = parent;
        }
        heap[at] = node;
        pos[node] = at;
    }

    private void siftDown(int at) {
        int node = heap[at];
        while (true) {
            int c = 2 * at + 1;
            if (c >= heapSize) {
                break;
            }
            if (c + 1 < heapSize && less(heap[c + 1], heap[c])) {
                c++;
            }
            if (!less(heap[c], node)) {
                break;
            }
            heap[at] = heap[c];
            pos[heap[at]] = at;
            at = c;
        }
        heap[at] = node;
        pos[node] = at;
    }

    /** In-place quicksort of (key, other)[lo..hi] by decreasing key (insertion sort on short ranges). */
    static void sortByErrDescending(double[] k, double[] other, int lo, int hi) {
        while (hi - lo > 16) {
            double pivot = median(k[lo], k[(lo + hi) >>> 1], k[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (k[i] > pivot) {
                    i++;
                }
                while (k[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(k, other, i, j);
                    i++;
                    j--;
                }
            }
            // recurse into the smaller side to bound the stack depth
            if (j - lo < hi - i) {
                sortByErrDescending(k, other, lo, j);
                lo = i;
            } else {
                sortByErrDescending(k, other, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double kv = k[i];
            double ov = other[i];
            int j = i - 1;
            while (j >= lo && k[j] < kv) {
                k[j + 1] = k[j];
                other[j + 1] = other[j];
                j--;
            }
            k[j + 1] = kv;
            other[j + 1] = ov;
        }
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] k, double[] o, int i, int j) {
        double t = k[i];
        k[i] = k[j];
        k[j] = t;
        t = o[i];
        o[i] = o[j];
        o[j] = t;
    }
}
