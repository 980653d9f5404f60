package com.maxmysales.knowledge;

import com.maxmysales.shared.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Each workspace's intent model and its cross-validation, trained off the request path. A classify call answers
 * with the newest model this node has; when the examples changed (a newer revision) it starts the training in the
 * background and answers with the old model until the new one is ready, so that no customer's message waits for
 * a training (15 s under load in the first bench, 2 s on a quiet machine). Only a node that has no model at all for
 * the workspace yet (just started) builds one while the caller waits; its cross-validation still runs in the
 * background.
 */
final class IntentTraining {

    private static final Logger log = LoggerFactory.getLogger(IntentTraining.class);

    /**
     * A workspace's examples at one revision, embedded; the model trains on all of them, the cross-validation holds
     * out only the first {@code crossValidated} (see {@link IntentCrossValidation}).
     */
    record Examples(long revision, List<IntentExample> examples, List<Query> queries, int crossValidated) {

        Examples(long revision, List<IntentExample> examples, List<Query> queries) {
            this(revision, examples, queries, examples.size());
        }
    }

    /** What a node holds for a workspace: the model in use and, once computed, its quality. */
    record Trained(long revision, IntentModel model, @Nullable IntentEvaluation evaluation) {
    }

    /** The state shown on the intents page: the quality of the model in use, and whether a newer one is coming. */
    record Status(@Nullable Trained trained, boolean training) {
    }

    /**
     * How many workspaces' models a node keeps and how long an unused one stays: a model is dropped when it has not
     * been used for {@code idle}, or when {@code models} are held and it is the least recently used. A dropped
     * workspace's next classify rebuilds it from the stored embeddings (a database read and a training, nothing
     * embedded again) as a just-started node does. {@code pinned} (the defaults' model, shared by every workspace
     * without examples of its own) is never dropped.
     */
    record Retention(int models, Duration idle, Clock clock, Set<WorkspaceId> pinned) {

        Retention {
            if (models < 1) {
                throw new IllegalArgumentException("at least one model must be kept");
            }
            pinned = Set.copyOf(pinned);
        }
    }

    /** An idle model is looked for at most this often (and whenever a new model makes the node hold too many). */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final BiFunction<WorkspaceId, Long, Examples> load;
    private final BiFunction<List<IntentExample>, List<Query>, IntentModel> train;
    private final Executor executor;
    private final Executor evaluator;
    private final ConcurrentHashMap<WorkspaceId, Trained> trained = new ConcurrentHashMap<>();
    /** The newest revision asked for and not yet trained, per workspace. */
    private final ConcurrentHashMap<WorkspaceId, Long> pending = new ConcurrentHashMap<>();
    /** The revision each workspace's running job builds. */
    private final ConcurrentHashMap<WorkspaceId, Long> building = new ConcurrentHashMap<>();
    /** Workspaces whose job is queued and not yet started. */
    private final Set<WorkspaceId> waiting = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<WorkspaceId, Object> firstBuilds = new ConcurrentHashMap<>();
    private final Retention retention;
    /** When each held model was last asked for (the clock's milliseconds). */
    private final ConcurrentHashMap<WorkspaceId, Long> lastUsed = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    /**
     * @param load reads a workspace's examples and embeds them; given the revision read just before, so that the
     *        model is labelled with a revision no newer than its examples (a later change is then trained again)
     */
    IntentTraining(BiFunction<WorkspaceId, Long, Examples> load,
            BiFunction<List<IntentExample>, List<Query>, IntentModel> train, Executor executor, Retention retention) {
        this(load, train, executor, executor, retention);
    }

    /**
     * @param evaluator where the cross-validations run, apart from the trainings: a workspace's five-fold evaluation
     *        of 5,000 examples took minutes, and every other workspace's training waited behind it (attack round 7)
     */
    IntentTraining(BiFunction<WorkspaceId, Long, Examples> load,
            BiFunction<List<IntentExample>, List<Query>, IntentModel> train, Executor executor, Executor evaluator,
            Retention retention) {
        this.load = load;
        this.train = train;
        this.executor = executor;
        this.evaluator = evaluator;
        this.retention = retention;
    }

    /** The model to answer with for a workspace whose examples are at {@code revision}. */
    IntentModel model(WorkspaceId workspace, long revision) {
        used(workspace);
        var current = trained.get(workspace);
        if (current == null) {
            synchronized (firstBuilds.computeIfAbsent(workspace, w -> new Object())) {
                current = trained.get(workspace);
                if (current == null) {
                    var examples = load.apply(workspace, revision);
                    current = new Trained(examples.revision(), train.apply(examples.examples(), examples.queries()),
                            null);
                    trained.put(workspace, current);
                    used(workspace);
                    evictBeyondTheBound();
                    evaluateLater(workspace, current, examples);
                }
            }
        }
        if (current.revision() < revision) {
            retrain(workspace, revision);
        }
        return current.model();
    }

    /**
     * The model this node already has for the workspace, if any, without waiting: a newer revision is trained in
     * the background meanwhile.
     */
    Optional<IntentModel> modelIfTrained(WorkspaceId workspace, long revision) {
        used(workspace);
        var current = trained.get(workspace);
        if (current == null || current.revision() < revision) {
            retrain(workspace, revision);
        }
        return Optional.ofNullable(current).map(Trained::model);
    }

    /**
     * Starts training the workspace's examples at {@code revision} in the background, unless already under way. A
     * workspace has at most one job waiting: that job loads the newest examples when it starts, so a burst of changes
     * is trained once, and one workspace changing its examples over and over cannot fill the queue that every other
     * workspace's training waits in.
     */
    void retrain(WorkspaceId workspace, long revision) {
        var building = this.building.get(workspace);
        if (building != null && building >= revision) {
            return;
        }
        pending.merge(workspace, revision, Math::max);
        if (waiting.add(workspace)) {
            executor.execute(() -> trainNewest(workspace));
        }
    }

    private void trainNewest(WorkspaceId workspace) {
        var revision = pending.get(workspace);
        building.put(workspace, revision);
        waiting.remove(workspace);
        try {
            var examples = load.apply(workspace, revision);
            var model = train.apply(examples.examples(), examples.queries());
            var built = new Trained(examples.revision(), model, null);
            trained.merge(workspace, built, (old, fresh) -> fresh.revision() >= old.revision() ? fresh : old);
            used(workspace);
            evictBeyondTheBound();
            evaluateLater(workspace, built, examples);
        } catch (RuntimeException e) {
            // The old model keeps answering; the next classify or change starts the training again.
            log.warn("Training the intent model of workspace {} failed", workspace.value(), e);
        } finally {
            building.remove(workspace);
            pending.remove(workspace, revision);
        }
    }

    /** The model in use and its quality; a node that has none yet, or an older one, starts the training. */
    Status status(WorkspaceId workspace, long revision) {
        used(workspace);
        var current = trained.get(workspace);
        if (current == null || current.revision() < revision) {
            retrain(workspace, revision);
        }
        var behind = current == null || current.revision() < revision || current.evaluation() == null
                || pending.containsKey(workspace);
        return new Status(current, behind);
    }

    Optional<Trained> trained(WorkspaceId workspace) {
        return Optional.ofNullable(trained.get(workspace));
    }

    /** Marks the workspace's model used now, and drops idle ones if the last look for them is a while ago. */
    private void used(WorkspaceId workspace) {
        var now = retention.clock().millis();
        lastUsed.put(workspace, now);
        var due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + SWEEP_EVERY.toMillis())) {
            evictIdle(now);
        }
    }

    /** Every workspace asked about is in {@code lastUsed}, with a model or not: both are dropped when idle. */
    private void evictIdle(long now) {
        var before = now - retention.idle().toMillis();
        for (var workspace : List.copyOf(lastUsed.keySet())) {
            if (lastUsed.getOrDefault(workspace, 0L) < before) {
                evict(workspace);
            }
        }
    }

    /** The least recently used models go until the node holds no more than the bound. */
    private synchronized void evictBeyondTheBound() {
        while (trained.size() > retention.models()) {
            var oldest = trained.keySet().stream().filter(this::evictable)
                    .min(Comparator.comparingLong(w -> lastUsed.getOrDefault(w, 0L)));
            if (oldest.isEmpty() || !evict(oldest.get())) {
                return;
            }
        }
    }

    private boolean evictable(WorkspaceId workspace) {
        return !retention.pinned().contains(workspace) && !building.containsKey(workspace)
                && !waiting.contains(workspace);
    }

    private boolean evict(WorkspaceId workspace) {
        if (!evictable(workspace)) {
            return false;
        }
        trained.remove(workspace);
        lastUsed.remove(workspace);
        firstBuilds.remove(workspace);
        log.debug("Dropped the intent model of workspace {} from memory", workspace.value());
        return true;
    }

    private void evaluateLater(WorkspaceId workspace, Trained built, Examples examples) {
        evaluator.execute(() -> {
            if (trained.get(workspace) != built) {
                return; // a newer model came meanwhile: its own evaluation follows
            }
            try {
                evaluate(workspace, built, examples);
            } catch (RuntimeException e) {
                log.warn("Cross-validating the intent model of workspace {} failed", workspace.value(), e);
            }
        });
    }

    private void evaluate(WorkspaceId workspace, Trained built, Examples examples) {
        var evaluation = IntentCrossValidation.evaluate(examples.examples(), examples.queries(),
                examples.crossValidated(), train);
        trained.computeIfPresent(workspace, (w, current) -> current == built
                ? new Trained(built.revision(), built.model(), evaluation) : current);
    }
}
