package coop.mutua.app.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a measured stretch spent the machine's processors: this JVM's CPU time, the part of it its garbage collectors
 * took (their pause and concurrent time as the JVM reports it), and the CPU time of every PostgreSQL process on the
 * machine, with their ended children's (read from /proc; zero where there is none; another PostgreSQL busy on the
 * machine would count too). A harness takes one reading before and one after.
 */
record CpuTime(long jvmNanos, long gcMillis, long postgresTicks, java.util.Map<String, Long> threadTicks) {

    private static final long TICKS_PER_SECOND = 100;

    static CpuTime now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        return new CpuTime(jvm, gc, readPostgresTicks(), readThreadTicks());
    }

    /** Seconds of each since {@code before}. */
    String since(CpuTime before, double wallSeconds) {
        double jvm = (jvmNanos - before.jvmNanos) / 1e9;
        double gc = (gcMillis - before.gcMillis) / 1e3;
        double postgres = (double) (postgresTicks - before.postgresTicks) / TICKS_PER_SECOND;
        return String.format(java.util.Locale.ROOT, "CPU %.1f s of %.1f s on %d cores: JVM %.1f s (GC %.1f s), PostgreSQL %.1f s",
                jvm + postgres, wallSeconds * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
                jvm, gc, postgres);
    }

    double jvmSeconds(CpuTime before) {
        return (jvmNanos - before.jvmNanos) / 1e9;
    }

    double postgresSeconds(CpuTime before) {
        return (double) (postgresTicks - before.postgresTicks) / TICKS_PER_SECOND;
    }

    /** This JVM's threads' CPU time by name (digits folded), compiler and collector threads included. */
    String busiestThreads(CpuTime before, int count) {
        java.util.Map<String, Long> spent = new java.util.HashMap<>(threadTicks);
        before.threadTicks.forEach((name, ticks) -> spent.merge(name, -ticks, Long::sum));
        return spent.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .map(entry -> String.format(java.util.Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue() / (double) TICKS_PER_SECOND))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static java.util.Map<String, Long> readThreadTicks() {
        java.util.Map<String, Long> ticks = new java.util.HashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            threads.map(CpuTime::stat).flatMap(java.util.Optional::stream)
                    .forEach(stat -> ticks.merge(stat.name().replaceAll("[0-9]+", "N"), stat.ownTicks(), Long::sum));
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return ticks;
    }

    private static long readPostgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(CpuTime::stat).flatMap(java.util.Optional::stream).filter(stat -> stat.name().startsWith("postgres"))
                    // The children's times count the backends that ended meanwhile (in their postmaster's).
                    .mapToLong(stat -> stat.ownTicks() + stat.childrenTicks()).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process's or thread's name and CPU times, from its /proc stat line. */
    private record Stat(String name, long ownTicks, long childrenTicks) {
    }

    /** Empty when the process or thread ended meanwhile. */
    private static java.util.Optional<Stat> stat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ");
            // utime, stime, cutime and cstime: fields 14 to 17 of stat, 11 to 14 after the name and state.
            return java.util.Optional.of(new Stat(stat.substring(stat.indexOf('(') + 1, close),
                    Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
        } catch (IOException | RuntimeException gone) {
            return java.util.Optional.empty();
        }
    }
}
