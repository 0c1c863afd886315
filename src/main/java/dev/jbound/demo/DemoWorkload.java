package dev.jbound.demo;

/** One built-in workload, running inside the child JVM started by {@link WorkloadLauncher}. */
@FunctionalInterface
public interface DemoWorkload {
    /**
     * Starts the workload's threads and returns once every one of them has done at least one
     * unit of its work, so that "ready" means "a profiler sampling now sees the steady state".
     * The threads are daemons: the process lives as long as {@link WorkloadMain}'s main thread.
     */
    void start() throws Exception;
}
