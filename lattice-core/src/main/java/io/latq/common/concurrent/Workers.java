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
import java.util.function.Supplier;

/**
 * Runs per-block jobs on a fixed pool, each job borrowing one worker state (coder scratch) from a pool; results
 * come back in submission order, so output never depends on the thread count. With one thread everything runs on
 * the caller's thread.
 */
public final class Workers<S> implements AutoCloseable {
    public interface Job<S, R> {
        R run(S state) throws IOException;
    }

    private final ExecutorService pool;
    private final BlockingQueue<S> states;

    public Workers(int threads, Supplier<S> stateFactory) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
        }
        this.states = new ArrayBlockingQueue<>(threads);
        for (int i = 0; i < threads; i++) {
            states.add(stateFactory.get());
        }
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "latq-ecdq-worker");
            t.setDaemon(true);
            return t;
        });
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
