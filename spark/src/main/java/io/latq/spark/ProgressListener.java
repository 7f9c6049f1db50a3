package io.latq.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Driver-side progress of one estimate: counts the vectors of its tasks that succeeded. A partition is counted once
 * even when a retried or speculative attempt also succeeds, and failed attempts count nothing. Spark delivers these
 * events on its listener thread, after the fact, so the count may lag the work slightly.
 */
final class ProgressListener extends SparkListener {
    private final String estimateId;
    private final long[] vectorsPerPartition;
    private final LongConsumer progress;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final Set<Integer> donePartitions = ConcurrentHashMap.newKeySet();
    private final AtomicLong done = new AtomicLong();

    ProgressListener(String estimateId, long[] vectorsPerPartition, LongConsumer progress) {
        this.estimateId = estimateId;
        this.vectorsPerPartition = vectorsPerPartition.clone();
        this.progress = progress;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted event) {
        Properties p = event.properties();
        if (p != null && estimateId.equals(p.getProperty(SparkNsmEngine.ESTIMATE_PROPERTY))) {
            stages.add(event.stageInfo().stageId());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
        if (!stages.contains(event.stageId()) || event.taskInfo() == null || !event.taskInfo().successful()) {
            return;
        }
        int partition = event.taskInfo().index();
        if (partition >= 0 && partition < vectorsPerPartition.length && donePartitions.add(partition)) {
            progress.accept(done.addAndGet(vectorsPerPartition[partition]));
        }
    }
}
