package io.latq.common.concurrent;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one worker pool of latq: a fixed pool of {@code threads} threads, each job borrowing one worker state (coder
 * scratch, a decoder, buffers) for as long as it runs; with one thread everything runs on the caller's thread. ECDQ
 * compression and decompression, the NSM estimator, the polar-code simulation and {@code latq quantize} all run on
 * it.
 *
 * <p><b>Determinism.</b> Every way of using the pool returns results in submission (index) order: {@link #runAll}
 * returns a list in job order, a {@link Pipeline} hands out the oldest result first and {@link #forEachInOrder}
 * gives result i to its sink, on the caller's thread, before result i + 1. A job's result may depend only on its
 * index and its inputs, never on which worker state it borrowed or when it ran (a state is scratch, reset by the
 * job). The caller folds the results in index order, so the output is the same, bit for bit, for every thread count
 * and every schedule; no floating-point sum is ever formed in completion order.
 */
public final class Workers<S> implements AutoCloseable {
    public interface Job<S, R> {
        R run(S state) throws IOException;
    }

    /** Job number {@code index} of {@link #forEachInOrder}. */
    public interface IndexJob<S, R> {
        R run(S state, long index) throws IOException;
    }

    private final int threads;
    private final ExecutorService pool;
    private final BlockingQueue<S> states;

    public Workers(int threads, Supplier<S> stateFactory) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
        }
        this.threads = threads;
        this.states = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            states.add(stateFactory.get());
        }
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "latq-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The number of worker threads (1: the caller's thread). */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code job} for indices 0 to {@code count − 1} on the pool, at most {@code 2 × threads} in flight, and
     * gives the results to {@code sink} in index order on the caller's thread (see the class comment). The first
     * failure, in index order, is rethrown and no later result reaches the sink.
     */
    public <R> void forEachInOrder(long count, IndexJob<S, R> job, Consumer<? super R> sink) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        Pipeline<R> p = pipeline(2 * threads);
        long next = 0;
        while (next < count || !p.isEmpty()) {
            while (next < count && !p.full()) {
                long i = next++;
                p.submit(s -> job.run(s, i));
            }
            sink.accept(p.takeOldest());
        }
    }

    /** Runs all jobs and returns their results in order; the first failure (in order) is rethrown. */
    public <R> List<R> runAll(List<Job<S, R>> jobs) throws IOException {
        Pipeline<R> p = pipeline(Math.max(1, jobs.size()));
        for (Job<S, R> j : jobs) {
            p.submit(j);
        }
        List<R> out = new ArrayList<>(jobs.size());
        IOException first = null;
        RuntimeException firstRt = null;
        while (!p.isEmpty()) {
            try {
                out.add(p.takeOldest());
            } catch (IOException e) {
                first = first == null && firstRt == null ? e : first;
            } catch (RuntimeException e) {
                firstRt = first == null && firstRt == null ? e : firstRt;
            }
        }
        if (first != null) {
            throw first;
        }
        if (firstRt != null) {
            throw firstRt;
        }
        return out;
    }

    /**
     * An in-order pipeline holding at most {@code depth} jobs in flight. The caller submits jobs while it is not
     * {@link Pipeline#full() full} and takes results oldest first, so the workers stay busy while the caller reads
     * the next input or writes the previous output, and memory stays bounded by {@code depth} jobs.
     */
    public <R> Pipeline<R> pipeline(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("pipeline depth must be at least 1");
        }
        return new Pipeline<>(depth);
    }

    /** See {@link #pipeline(int)}. Used by one caller thread. */
    public final class Pipeline<R> {
        private final int depth;
        private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();

        private Pipeline(int depth) {
            this.depth = depth;
        }

        public boolean full() {
            return inFlight.size() >= depth;
        }

        public boolean isEmpty() {
            return inFlight.isEmpty();
        }

        /** Starts {@code job} (on the caller's thread when there is one worker). */
        public void submit(Job<S, R> job) {
            if (full()) {
                throw new IllegalStateException("pipeline full: take the oldest result first");
            }
            if (pool == null) {
                CompletableFuture<R> done = new CompletableFuture<>();
                try {
                    done.complete(job.run(states.peek()));
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                }
                inFlight.add(done);
                return;
            }
            inFlight.add(pool.submit(() -> {
                S s = states.take();
                try {
                    return job.run(s);
                } finally {
                    states.add(s);
                }
            }));
        }

        /** Waits for the oldest job and returns its result, rethrowing its failure. */
        public R takeOldest() throws IOException {
            Future<R> f = inFlight.poll();
            if (f == null) {
                throw new IllegalStateException("pipeline empty");
            }
            try {
                return f.get();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException) {
                    throw (IOException) c;
                }
                if (c instanceof RuntimeException) {
                    throw (RuntimeException) c;
                }
                throw new IllegalStateException(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
