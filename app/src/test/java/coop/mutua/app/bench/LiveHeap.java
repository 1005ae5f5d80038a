package coop.mutua.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap a stretch of work really holds: after every collection, the heap pools' usage (what survived), the largest
 * of them kept. The heap pools' peak usage, also given ({@link #peakUsedMiB()}), counts the garbage the young generation
 * holds until it is collected, which grows with the heap the JVM is given rather than with what the work keeps.
 */
final class LiveHeap implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final NotificationListener listener;
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    /** Starts measuring: the heap pools' peaks are reset, and every collection from now on is read. */
    LiveHeap() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream().filter(entry -> heapPools.contains(entry.getKey()))
                    .mapToLong(entry -> entry.getValue().getUsed()).sum();
            peak.accumulateAndGet(after, Math::max);
        };
        collectors.forEach(collector -> ((NotificationEmitter) collector).addNotificationListener(listener, null, null));
    }

    /**
     * The largest heap left by a collection since this started, in MiB (an upper bound of what the work held: a young
     * collection leaves the old generation's garbage). Collections are reported asynchronously: the last ones are given
     * a moment; with none at all, the heap in use now, garbage included.
     */
    long peakMiB() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return peak.get() == 0 ? usedMiB() : peak.get() >> 20;
    }

    /** The heap pools' peak usage since this started, garbage included, in MiB. */
    long peakUsedMiB() {
        return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    /** Heap in use now, garbage included, in MiB. */
    static long usedMiB() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() >> 20;
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // not registered on this one
            }
        }
    }
}
