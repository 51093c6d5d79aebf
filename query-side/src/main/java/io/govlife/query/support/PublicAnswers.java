package io.govlife.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Answers to a public read integrators poll (the current config, the handshake page, a fingerprint lookup), kept on
 * this node ready to send. They change only when a gov's read model does, while hundreds of integrators may poll
 * them: the database query and the rendering per request were most of the read path's cost (BENCHMARKS.md).
 * <p>
 * An answer stands until this node's projection commits a change to what it was made from ({@link #changed}), and
 * for at most {@code recheck} after it was read from the database, so a change another node's projection made shows
 * within that time. Public answers carry {@code Cache-Control: max-age=30}: a CDN may serve one that long, so a node
 * serving one a second old promises nothing new. A {@code recheck} of zero reads the database on every request.
 *
 * @param <K> what the answer is looked up by
 * @param <V> the answer; absence (no such gov, no such fingerprint) is remembered too
 */
public final class PublicAnswers<K, V> {

    private record Entry<V>(Optional<V> answer, long readAt) {
    }

    private final long recheckNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Moves on with every change, so an answer read before a change never lands in the cache after it. */
    private final AtomicLong generation = new AtomicLong();

    public PublicAnswers(Duration recheck, int maxEntries) {
        this(recheck, maxEntries, System::nanoTime);
    }

    PublicAnswers(Duration recheck, int maxEntries, LongSupplier nanoTime) {
        if (recheck.isNegative()) {
            throw new IllegalArgumentException("recheck must not be negative: " + recheck);
        }
        this.recheckNanos = recheck.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The answer for {@code key}, from {@code read} (the database) when none stands. */
    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        long now = nanoTime.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.readAt() < recheckNanos) {
            return entry.answer();
        }
        long before = generation.get();
        Optional<V> answer = read.apply(key);
        if (recheckNanos > 0 && generation.get() == before) {
            if (entries.size() >= maxEntries) {
                // a bound, not a policy: past it the cache starts over rather than grow
                entries.clear();
            }
            entries.put(key, new Entry<>(answer, now));
        }
        return answer;
    }

    /**
     * What {@code key}'s answer is made of changes in the current unit of work: its answer goes once that commits,
     * so no request reads the old answer after the change can be read (or at once, outside a unit of work).
     */
    public void changed(K key) {
        afterCommit(() -> drop(key));
    }

    /** Every answer goes once the current unit of work commits: a change whose answers cannot be named, a reset. */
    public void changedAll() {
        afterCommit(this::dropAll);
    }

    void drop(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    void dropAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private static void afterCommit(Runnable drop) {
        if (CurrentUnitOfWork.isStarted()) {
            // a request that read the old state before the commit stored its answer by then: it goes now
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> drop.run());
        } else {
            drop.run();
        }
    }
}
