package com.maxmysales.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.maxmysales.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Training off the request path: the real {@link IntentModel} on small made-up embeddings (two directions per
 * dataset), trained on a real background thread whose loading of the examples the test holds back at will.
 */
class IntentTrainingTests {

    private static final WorkspaceId WORKSPACE = WorkspaceId.random();
    private static final IntentTraining.Retention KEEP_ALL = new IntentTraining.Retention(Integer.MAX_VALUE,
            Duration.ofDays(3650), Clock.systemUTC(), Set.of());

    /** Examples of two intents along two axes: "first" near (1, 0, 0, 0), "second" near (0, 1, 0, 0). */
    private static IntentTraining.Examples dataset(long revision, String first, String second) {
        var examples = new ArrayList<IntentExample>();
        var queries = new ArrayList<Query>();
        for (int i = 0; i < 10; i++) {
            float jitter = i / 100f;
            examples.add(new IntentExample(first + " " + i, first));
            queries.add(Query.of(first + " " + i, Vectors.unit(new float[] {1, jitter, 0, 0})));
            examples.add(new IntentExample(second + " " + i, second));
            queries.add(Query.of(second + " " + i, Vectors.unit(new float[] {jitter, 1, 0, 0})));
        }
        return new IntentTraining.Examples(revision, examples, queries);
    }

    private static Query near(float x, float y) {
        return Query.of("", Vectors.unit(new float[] {x, y, 0, 0}));
    }

    @Test
    void aClassifyRightAfterAChangeAnswersWithTheOldModelWhileTheNewOneTrains() throws Exception {
        var secondLoadMayFinish = new CountDownLatch(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            var training = new IntentTraining((workspace, read) -> {
                if (read >= 2) {
                    await(secondLoadMayFinish);
                    return dataset(read, "order_status", "refund");
                }
                return dataset(read, "greeting", "thanks");
            }, IntentModel::new, executor, KEEP_ALL);

            assertThat(training.model(WORKSPACE, 1).classify(near(1, 0)).intent()).isEqualTo("greeting");

            training.retrain(WORKSPACE, 2);
            // The training of revision 2 is stuck loading its examples: a classify must not wait for it.
            var meanwhile = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> training.model(WORKSPACE, 2).classify(near(1, 0)));
            assertThat(meanwhile.intent()).isEqualTo("greeting");
            assertThat(training.status(WORKSPACE, 2).training()).isTrue();

            secondLoadMayFinish.countDown();
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (training.status(WORKSPACE, 2).training() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            var status = training.status(WORKSPACE, 2);
            assertThat(status.training()).isFalse();
            assertThat(status.trained().revision()).isEqualTo(2);
            assertThat(status.trained().evaluation().intents()).containsExactly("order_status", "refund");
            assertThat(training.model(WORKSPACE, 2).classify(near(1, 0)).intent()).isEqualTo("order_status");
            assertThat(training.model(WORKSPACE, 2).classify(near(0, 1)).intent()).isEqualTo("refund");
        } finally {
            secondLoadMayFinish.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void aTrainingThatFailsLeavesTheOldModelAnsweringAndIsTriedAgainOnTheNextCall() throws Exception {
        var failures = new AtomicLong(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            var training = new IntentTraining((workspace, read) -> {
                if (read >= 2 && failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("the database went away");
                }
                return read >= 2 ? dataset(read, "order_status", "refund") : dataset(read, "greeting", "thanks");
            }, IntentModel::new, executor, KEEP_ALL);
            training.model(WORKSPACE, 1);
            training.retrain(WORKSPACE, 2);
            executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(training.model(WORKSPACE, 2).classify(near(1, 0)).intent()).isEqualTo("greeting");
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (training.status(WORKSPACE, 2).training() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(training.model(WORKSPACE, 2).classify(near(1, 0)).intent()).isEqualTo("order_status");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aChangeAskedForAgainWhileItTrainsIsTrainedOnce() throws Exception {
        var loads = new AtomicLong();
        var mayFinish = new CountDownLatch(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            var training = new IntentTraining((workspace, read) -> {
                loads.incrementAndGet();
                await(mayFinish);
                return dataset(read, "greeting", "thanks");
            }, IntentModel::new, executor, KEEP_ALL);
            for (int i = 0; i < 5; i++) {
                training.retrain(WORKSPACE, 3);
                training.status(WORKSPACE, 3);
            }
            mayFinish.countDown();
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (training.status(WORKSPACE, 3).training() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(training.status(WORKSPACE, 3).training()).isFalse();
            assertThat(loads.get()).as("trainings of revision 3").isEqualTo(1);
        } finally {
            mayFinish.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void aWorkspaceChangingItsExamplesOverAndOverKeepsAtMostOneTrainingWaitingBehindTheRunningOne() throws Exception {
        var loads = new AtomicLong();
        var mayFinish = new CountDownLatch(1);
        var executor = Executors.newSingleThreadExecutor();
        try {
            var training = new IntentTraining((workspace, read) -> {
                loads.incrementAndGet();
                await(mayFinish);
                return dataset(read, "greeting", "thanks");
            }, IntentModel::new, executor, KEEP_ALL);
            training.retrain(WORKSPACE, 1);
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (loads.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            for (long revision = 2; revision <= 50; revision++) {
                training.retrain(WORKSPACE, revision);
            }
            mayFinish.countDown();
            while (training.status(WORKSPACE, 50).training() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(training.trained(WORKSPACE)).get().extracting(IntentTraining.Trained::revision).isEqualTo(50L);
            assertThat(loads.get()).as("the running training and one for the newest of 49 changes").isEqualTo(2);
        } finally {
            mayFinish.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void crossValidationCountsEveryExampleOnceInItsConfusionRow() {
        var data = dataset(1, "greeting", "thanks");
        var evaluation = IntentCrossValidation.evaluate(data.examples(), data.queries(), IntentModel::new);
        assertThat(evaluation.examples()).isEqualTo(20);
        assertThat(evaluation.intents()).containsExactly("greeting", "thanks");
        assertThat(evaluation.columns()).containsExactly("greeting", "thanks", "(none)");
        assertThat(evaluation.confusion()).containsExactly(List.of(10, 0, 0), List.of(0, 10, 0));
        assertThat(evaluation.accuracy()).isEqualTo(1.0);
        assertThat(evaluation.quality()).allSatisfy(q -> {
            assertThat(q.precision()).isEqualTo(1.0);
            assertThat(q.recall()).isEqualTo(1.0);
            assertThat(q.examples()).isEqualTo(10);
        });
    }

    /**
     * The defaults' rule: the product's own examples (past {@code crossValidated}) train every fold and are never
     * tested. Here the only "thanks" example that is cross-validated is right only because they train its fold.
     */
    @Test
    void examplesPastTheCrossValidatedOnesTrainEveryFoldAndAreNeverTested() {
        var data = dataset(1, "greeting", "thanks");
        var examples = new ArrayList<IntentExample>();
        var queries = new ArrayList<Query>();
        for (int i = 0; i < data.examples().size(); i++) {
            if (data.examples().get(i).intent().equals("greeting")) {
                examples.add(data.examples().get(i));
                queries.add(data.queries().get(i));
            }
        }
        examples.add(new IntentExample("thanks held out", "thanks"));
        queries.add(near(0.05f, 1));
        int crossValidated = examples.size();
        for (int i = 0; i < data.examples().size(); i++) {
            if (data.examples().get(i).intent().equals("thanks")) {
                examples.add(data.examples().get(i));
                queries.add(data.queries().get(i));
            }
        }

        var evaluation = IntentCrossValidation.evaluate(examples, queries, crossValidated, IntentModel::new);

        assertThat(evaluation.examples()).isEqualTo(11);
        assertThat(evaluation.alwaysTrained()).isEqualTo(10);
        assertThat(evaluation.confusion()).containsExactly(List.of(10, 0, 0), List.of(0, 1, 0));
        assertThat(evaluation.accuracy()).isEqualTo(1.0);
        assertThat(IntentCrossValidation.evaluate(examples.subList(0, crossValidated),
                queries.subList(0, crossValidated), IntentModel::new).accuracy())
                .as("without them the lone thanks example is never learnt").isLessThan(1.0);
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-05T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /**
     * A node keeps at most the bound's models, dropping the least recently used (never the pinned defaults), and
     * drops one left unused for the idle time; a dropped workspace's next classify rebuilds it and answers.
     * Mutations caught: no bound (every model kept), the most recently used dropped, the pinned one dropped, an
     * idle model kept, a dropped workspace answering with nothing.
     */
    @Test
    void aNodeKeepsABoundedNumberOfModelsAndRebuildsADroppedOneOnItsNextUse() throws Exception {
        var clock = new ManualClock();
        var defaults = WorkspaceId.random();
        var first = WorkspaceId.random();
        var second = WorkspaceId.random();
        var third = WorkspaceId.random();
        var loads = new java.util.concurrent.ConcurrentHashMap<WorkspaceId, AtomicLong>();
        var executor = Executors.newSingleThreadExecutor();
        try {
            var training = new IntentTraining((workspace, read) -> {
                loads.computeIfAbsent(workspace, w -> new AtomicLong()).incrementAndGet();
                return dataset(read, "greeting", "thanks");
            }, IntentModel::new, executor, new IntentTraining.Retention(3, Duration.ofHours(6), clock,
                    Set.of(defaults)));

            training.model(defaults, 0);
            clock.advance(Duration.ofMinutes(1));
            training.model(first, 1);
            clock.advance(Duration.ofMinutes(1));
            training.model(second, 1);
            clock.advance(Duration.ofMinutes(1));
            training.model(first, 1);
            clock.advance(Duration.ofMinutes(1));
            training.model(third, 1);

            assertThat(training.trained(second)).as("the least recently used").isEmpty();
            assertThat(training.trained(first)).isPresent();
            assertThat(training.trained(third)).isPresent();
            assertThat(training.trained(defaults)).as("pinned, though the oldest").isPresent();

            assertThat(training.model(second, 1).classify(near(1, 0)).intent()).isEqualTo("greeting");
            assertThat(loads.get(second).get()).as("rebuilt on its next use").isEqualTo(2);
            assertThat(training.trained(first)).as("now the least recently used").isEmpty();

            clock.advance(Duration.ofHours(7));
            training.model(third, 1);
            assertThat(training.trained(second)).as("unused for 7 hours").isEmpty();
            assertThat(training.trained(defaults)).isPresent();
            assertThat(training.trained(third)).isPresent();
            assertThat(loads.get(third).get()).as("in use: kept").isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
