package io.govlife.app.axon;

import org.axonframework.common.AxonThreadFactory;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two thread pools of one pooled streaming processor, as Axon builds them (one coordinator thread, four
 * work-package threads, the same thread names), except that a work package starting or finishing a batch wakes a
 * coordinator that is waiting out a short back-off.
 * <p>
 * Why: Axon's coordinator stops reading once any work package holds 1,024 events, and then looks again only 100 ms
 * later; a work package's finished batch does not tell it. A work package that gets through 1,024 events in less than
 * that then sits idle: measured on a replay (2 cores, H2), the read models' threads were idle three quarters of the
 * time, and the rebuild ran at some 10,000 events/s whatever the storage could give. Waking the coordinator when a
 * batch frees room keeps the buffers full.
 * <p>
 * Only waits up to {@link #SHORT_WAIT} are brought forward: longer ones are the back-off after an error or the
 * interval between attempts to claim segments, and running those early would defeat them.
 */
final class ProcessorExecutors {

    /** Axon's wait while the work packages' buffers are full (100 ms) is at most this; its error back-off starts above. */
    static final Duration SHORT_WAIT = Duration.ofMillis(100);

    private static final int WORK_PACKAGE_THREADS = 4; // Axon's default

    private final Coordinator coordinator;
    private final WorkPackages workPackages;

    ProcessorExecutors(String processorName) {
        this.coordinator = new Coordinator(processorName);
        this.workPackages = new WorkPackages(processorName, coordinator);
    }

    Coordinator coordinator() {
        return coordinator;
    }

    ScheduledThreadPoolExecutor workPackages() {
        return workPackages;
    }

    void shutdown() {
        coordinator.shutdown();
        workPackages.shutdown();
    }

    /** Remembers its latest short wait, so that {@link #wakeUp()} can run it now instead. */
    static final class Coordinator extends ScheduledThreadPoolExecutor {

        private final AtomicReference<Waiting> waiting = new AtomicReference<>();

        Coordinator(String processorName) {
            super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
            setRemoveOnCancelPolicy(true); // a wait brought forward leaves nothing behind in the queue
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            ScheduledFuture<?> future = super.schedule(task, delay, unit);
            if (delay > 0 && unit.toNanos(delay) <= SHORT_WAIT.toNanos()) {
                waiting.set(new Waiting(task, future));
            }
            return future;
        }

        /** Runs the waiting coordination now; a no-op when it already ran or nothing waits. */
        void wakeUp() {
            Waiting due = waiting.getAndSet(null);
            // cancel answers false once the task has started: then it is running anyway
            if (due != null && due.future().cancel(false)) {
                try {
                    execute(due.task());
                } catch (RejectedExecutionException shuttingDown) {
                    // the processor is shutting down: the coordination it would have run is not wanted
                }
            }
        }

        private record Waiting(Runnable task, Future<?> future) {
        }
    }

    /** Wakes the coordinator when a work package starts a batch (it took events off its buffer) and when it ends one. */
    static final class WorkPackages extends ScheduledThreadPoolExecutor {

        private final Coordinator coordinator;

        WorkPackages(String processorName, Coordinator coordinator) {
            super(WORK_PACKAGE_THREADS, new AxonThreadFactory("WorkPackage[" + processorName + "]"));
            this.coordinator = coordinator;
        }

        @Override
        protected void beforeExecute(Thread thread, Runnable task) {
            super.beforeExecute(thread, task);
            coordinator.wakeUp();
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            super.afterExecute(task, failure);
            coordinator.wakeUp();
        }
    }
}
