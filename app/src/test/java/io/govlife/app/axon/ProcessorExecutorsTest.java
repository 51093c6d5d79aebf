package io.govlife.app.axon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ProcessorExecutorsTest {

    private final ProcessorExecutors executors = new ProcessorExecutors("test");

    @AfterEach
    void shutDown() {
        executors.shutdown();
    }

    @Test
    void a_work_package_running_brings_the_coordinators_short_wait_forward() throws Exception {
        CountDownLatch coordinated = new CountDownLatch(1);
        // the coordinator's thread is held, so the wait cannot run on its own however long the test takes
        CountDownLatch release = holdCoordinatorThread();
        ScheduledFuture<?> waiting = coordinator().schedule(coordinated::countDown, 100, TimeUnit.MILLISECONDS);

        executors.workPackages().submit(() -> { }).get(30, TimeUnit.SECONDS);

        assertThat(waiting.isCancelled()).as("the wait was withdrawn and its task queued to run now").isTrue();
        release.countDown();
        assertThat(coordinated.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_coordination_due_at_once_is_not_tracked_and_runs_once() throws Exception {
        CountDownLatch ran = new CountDownLatch(2);
        CountDownLatch release = holdCoordinatorThread();
        coordinator().schedule(ran::countDown, 0, TimeUnit.MILLISECONDS);

        executors.workPackages().submit(() -> { }).get(30, TimeUnit.SECONDS);
        release.countDown();
        coordinator().submit(() -> { }).get(30, TimeUnit.SECONDS);

        assertThat(ran.getCount()).isEqualTo(1);
    }

    @Test
    void a_longer_wait_such_as_the_back_off_after_an_error_is_left_alone() {
        ScheduledFuture<?> backOff = executors.coordinator().schedule(() -> { }, 500, TimeUnit.MILLISECONDS);

        coordinator().wakeUp();

        assertThat(backOff.isCancelled()).isFalse();
        assertThat(executors.coordinator().getQueue()).hasSize(1);
    }

    @Test
    void a_wait_that_already_ran_is_not_run_again() throws Exception {
        CountDownLatch ran = new CountDownLatch(2);
        ScheduledFuture<?> waiting = executors.coordinator().schedule(ran::countDown, 1, TimeUnit.MILLISECONDS);
        waiting.get(30, TimeUnit.SECONDS);

        coordinator().wakeUp();
        executors.coordinator().submit(() -> { }).get(30, TimeUnit.SECONDS); // anything it ran is done by now

        assertThat(ran.getCount()).isEqualTo(1);
    }

    @Test
    void waking_a_coordinator_that_has_shut_down_is_harmless() {
        ProcessorExecutors.Coordinator coordinator = coordinator();
        coordinator.schedule(() -> { }, 100, TimeUnit.MILLISECONDS);
        coordinator.shutdownNow();

        assertThatCode(coordinator::wakeUp).doesNotThrowAnyException();
    }

    @Test
    void the_threads_are_named_as_axons_own() throws Exception {
        String coordinator = executors.coordinator().submit(() -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
        String worker = executors.workPackages().submit(() -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);

        assertThat(coordinator).startsWith("Coordinator[test]");
        assertThat(worker).startsWith("WorkPackage[test]");
    }

    private ProcessorExecutors.Coordinator coordinator() {
        return executors.coordinator();
    }

    private CountDownLatch holdCoordinatorThread() throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        coordinator().execute(() -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        return release;
    }
}
