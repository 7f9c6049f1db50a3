package io.latq.ecdq;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
final class Workers<S> implements AutoCloseable {
    interface Job<S, R> {
        R run(S state) throws IOException;
    }

    private final ExecutorService pool;
    private final BlockingQueue<S> states;

    Workers(int threads, Supplier<S> stateFactory) {
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
    <R> List<R> runAll(List<Job<S, R>> jobs) throws IOException {
        List<R> out = new ArrayList<>(jobs.size());
        if (pool == null) {
            S s = states.peek();
            for (Job<S, R> j : jobs) {
                out.add(j.run(s));
            }
            return out;
        }
        List<Future<R>> futures = new ArrayList<>(jobs.size());
        for (Job<S, R> j : jobs) {
            futures.add(pool.submit(() -> {
                S s = states.take();
                try {
                    return j.run(s);
                } finally {
                    states.add(s);
                }
            }));
        }
        IOException first = null;
        RuntimeException firstRt = null;
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (first == null && firstRt == null) {
                    if (c instanceof IOException) {
                        first = (IOException) c;
                    } else if (c instanceof RuntimeException) {
                        firstRt = (RuntimeException) c;
                    } else {
                        firstRt = new IllegalStateException(c);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
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

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
