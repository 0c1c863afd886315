package dev.jbound.analyze;

import dev.jbound.model.Breakdown;
import dev.jbound.model.ThreadInfo;
import dev.jbound.model.ThreadState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadAccountTest {
    private static final long MS = 1_000_000L;
    private static final long WINDOW = 1000 * MS;

    private static ThreadAccount account() {
        return new ThreadAccount(new ThreadInfo(42, "worker-1", 7));
    }

    @Test
    void osCpuTimeIsTheTruthAndWallStacksSplitTheRest() {
        ThreadAccount a = account();
        for (int i = 0; i < 80; i++) a.addWall(ThreadState.IO, "Client.fetch", 10 * MS);
        for (int i = 0; i < 20; i++) a.addWall(ThreadState.CPU, "Parser.parse", 10 * MS);
        a.setOs(100 * MS, 0);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.CPU)).isEqualTo(100 * MS);
        // wall said 20% running, the OS 10%: the other 90% goes where the stacks waited
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(900 * MS);
    }

    @Test
    void runnableWithoutCpuIsRunQueueOnlyWhenTheRunDelaySaysSo() {
        ThreadAccount a = account();
        for (int i = 0; i < 100; i++) a.addWall(ThreadState.CPU, "Hash.mix", 10 * MS);
        a.setOs(400 * MS, 500 * MS);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.RUNQUEUE)).isEqualTo(500 * MS);
        assertThat(b.nanos(ThreadState.WAIT)).isEqualTo(100 * MS);
    }

    @Test
    void aSocketReadTheOsSawOnAnAcceptedConnectionWaitsForAClient() {
        ThreadAccount a = account();
        for (int i = 0; i < 100; i++) a.addWall(ThreadState.IO, "Server.serve", 10 * MS);
        a.setOs(0, 0);
        a.setOsWaits(new OsWaitRules.OffCpu(20, 0, 0, 0));
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.IO)).isZero();
        assertThat(b.nanos(ThreadState.WAIT)).isEqualTo(1000 * MS);
    }

    @Test
    void onlyTheShareOfPollsOnAcceptedConnectionsMovesToWait() {
        ThreadAccount a = account();
        for (int i = 0; i < 100; i++) a.addWall(ThreadState.IO, "Proxy.relay", 10 * MS);
        a.setOs(0, 0);
        // a quarter of its polls on descriptors waited on its clients, the rest on its upstream
        a.setOsWaits(new OsWaitRules.OffCpu(10, 30, 0, 0));
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(750 * MS);
        assertThat(b.nanos(ThreadState.WAIT)).isEqualTo(250 * MS);
    }

    @Test
    void nativeCodeOffACpuIsWhatTheOsSawItBlockedIn() {
        ThreadAccount a = account();
        a.addHint(ThreadState.CPU, 10); // native-method samples in a JNI call: running, to the JVM
        a.setLife(WINDOW);
        a.setOs(100 * MS, 0);
        // half its blocked polls in a flush, half on a listener: the latter already said, not moved twice
        a.setOsWaits(new OsWaitRules.OffCpu(5, 5, 0, 0));
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.CPU)).isEqualTo(100 * MS);
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(450 * MS);
        assertThat(b.nanos(ThreadState.WAIT)).isEqualTo(450 * MS);
        assertThat(b.nanos(ThreadState.RUNQUEUE)).isZero();
    }

    @Test
    void aFutexWaitBesideAnotherThreadsFlushIsThatIo() {
        ThreadAccount a = account();
        a.addHint(ThreadState.CPU, 10);
        a.setLife(WINDOW);
        a.setOs(100 * MS, 0);
        a.setOsWaits(new OsWaitRules.OffCpu(0, 0, 6, 10));
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(540 * MS);
        assertThat(b.nanos(ThreadState.WAIT)).isEqualTo(360 * MS);
    }

    @Test
    void theJvmsOwnThreadsParkedOnAFutexBesideTheApplicationsFlushAreNotIo() {
        // the VM thread reads "runnable" in every dump and waits on a futex for work of its own
        ThreadAccount vm = new ThreadAccount(new ThreadInfo(43, "VM Thread", 8));
        vm.addHint(ThreadState.CPU, 2);
        vm.setLife(WINDOW);
        vm.setOs(10 * MS, 0);
        vm.setOsWaits(new OsWaitRules.OffCpu(0, 0, 6, 10));
        Breakdown b = vm.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.IO)).isZero();
        assertThat(b.nanos(ThreadState.WAIT)).isEqualTo(990 * MS);
        // and, with no blocked call read, it is still not a device wait
        ThreadAccount unread = new ThreadAccount(new ThreadInfo(44, "C2 CompilerThread0", 9));
        unread.addHint(ThreadState.CPU, 2);
        unread.setLife(WINDOW);
        unread.setOs(10 * MS, 0);
        assertThat(unread.breakdown(WINDOW).nanos(ThreadState.IO)).isZero();
    }

    @Test
    void nativeCodeSeenOnlyRunnableWithoutCpuOrRunDelayIsIo() {
        ThreadAccount a = account();
        a.addHint(ThreadState.CPU, 10);
        a.setLife(WINDOW);
        a.setOs(300 * MS, 100 * MS);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.RUNQUEUE)).isEqualTo(100 * MS);
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(600 * MS);
    }

    @Test
    void withoutAMeasuredRunDelayARunningHintIsQueueing() {
        ThreadAccount a = account();
        a.addHint(ThreadState.CPU, 10);
        a.setLife(WINDOW);
        a.setMeasured(300 * MS);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.RUNQUEUE)).isEqualTo(700 * MS);
        assertThat(b.nanos(ThreadState.IO)).isZero();
    }

    @Test
    void withoutAMeasuredRunDelayOnAMachineWithCoresToSpareNativeCodeWasBlockedAndRunningJavaCodeExplainsNothing() {
        ThreadAccount a = account();
        a.addHint(ThreadState.CPU, 6, true);  // native-method samples: a JNI call, runnable to the JVM
        a.addHint(ThreadState.CPU, 4, false); // dumps that caught Java code running: CPU time already counted
        a.addHint(ThreadState.LOCK, 2);       // a dump that caught it blocked: a monitor wait under the threshold
        a.setLife(WINDOW);
        a.setMeasured(300 * MS);
        a.setCoresFree(true);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.RUNQUEUE)).isZero();
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(525 * MS);
        assertThat(b.nanos(ThreadState.LOCK)).isEqualTo(175 * MS);
        // Java code caught running, and nothing else: the time left was waits too short to record,
        // like those it recorded, or, with none recorded, waiting
        ThreadAccount java = account();
        java.addHint(ThreadState.CPU, 4, false);
        java.setLife(WINDOW);
        java.setMeasured(300 * MS);
        java.setCoresFree(true);
        assertThat(java.breakdown(WINDOW).nanos(ThreadState.WAIT)).isEqualTo(700 * MS);
        ThreadAccount contender = account();
        contender.addHint(ThreadState.CPU, 4, false);
        contender.addWall(ThreadState.LOCK, "Book.add", 100 * MS); // one monitor wait over the threshold
        contender.setLife(WINDOW);
        contender.setMeasured(300 * MS);
        contender.setCoresFree(true);
        contender.exactWaits();
        assertThat(contender.breakdown(WINDOW).nanos(ThreadState.LOCK)).isEqualTo(700 * MS);
        // with no core to spare, running threads queued
        ThreadAccount busy = account();
        busy.addHint(ThreadState.CPU, 6, true);
        busy.addHint(ThreadState.CPU, 4, false);
        busy.addHint(ThreadState.LOCK, 2);
        busy.setLife(WINDOW);
        busy.setMeasured(300 * MS);
        busy.setCoresFree(false);
        Breakdown q = busy.breakdown(WINDOW);
        assertThat(q.nanos(ThreadState.RUNQUEUE)).isEqualTo(700 * MS * 10 / 12);
        assertThat(q.nanos(ThreadState.LOCK)).isEqualTo(700 * MS - 700 * MS * 10 / 12);
    }

    @Test
    void kernelTimeOfAThreadTheOsSawFlushingIsIoWhereTheSamplesCannotSeeTheKernel() {
        // the JDK's recorder: no CPU sample shows fdatasync; the OS saw the thread in it at 9 of 10 polls
        ThreadAccount jdk = account();
        jdk.addHint(ThreadState.CPU, 10);
        jdk.setLife(WINDOW);
        jdk.setOs(500 * MS, 0);
        jdk.setSystem(400 * MS, false);
        jdk.setOsWaits(new OsWaitRules.OffCpu(0, 9, 0, 1));
        Breakdown b = jdk.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.CPU)).isEqualTo(140 * MS);
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(360 * MS + 450 * MS);
        // async-profiler's CPU samples show the kernel: they alone move its time (none here caught it)
        ThreadAccount async = account();
        async.addHint(ThreadState.CPU, 10);
        async.setLife(WINDOW);
        async.setOs(500 * MS, 0);
        async.setSystem(400 * MS, true);
        async.setOsWaits(new OsWaitRules.OffCpu(0, 9, 0, 1));
        assertThat(async.breakdown(WINDOW).nanos(ThreadState.CPU)).isEqualTo(500 * MS);
        // a thread whose polls found it waiting for work keeps its kernel time as CPU
        ThreadAccount server = account();
        server.addHint(ThreadState.CPU, 10);
        server.setLife(WINDOW);
        server.setOs(500 * MS, 0);
        server.setSystem(400 * MS, false);
        server.setOsWaits(new OsWaitRules.OffCpu(10, 0, 0, 0));
        assertThat(server.breakdown(WINDOW).nanos(ThreadState.CPU)).isEqualTo(500 * MS);
    }

    @Test
    void aThreadNoPollCaughtBlockedButThatSentBytesToStorageFlushesInItsKernelTime() {
        ThreadAccount a = account();
        a.addHint(ThreadState.CPU, 10);
        a.setLife(WINDOW);
        a.setOs(500 * MS, 0);
        a.setSystem(400 * MS, false);
        a.setStorageWrites(4 << 20);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.CPU)).isEqualTo(100 * MS);
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(900 * MS);
        // one that sent nothing to storage keeps its kernel time as CPU
        ThreadAccount quiet = account();
        quiet.addHint(ThreadState.CPU, 10);
        quiet.setLife(WINDOW);
        quiet.setOs(500 * MS, 0);
        quiet.setSystem(400 * MS, false);
        quiet.setStorageWrites(0);
        assertThat(quiet.breakdown(WINDOW).nanos(ThreadState.CPU)).isEqualTo(500 * MS);
    }

    @Test
    void withoutTheOsTheKernelTimeOfAThreadInNativeCodeIsIo() {
        // a recording's thread CPU load split 0.1 s user, 0.4 s system; native-method samples the rest
        ThreadAccount a = account();
        for (int i = 0; i < 50; i++) a.addWall(ThreadState.CPU, "RocksDB.put", 20 * MS, 1, true);
        a.setMeasured(500 * MS);
        a.setSystem(400 * MS, false);
        a.setCoresFree(true);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.CPU)).isEqualTo(100 * MS);
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(900 * MS);
    }

    @Test
    void coverageIsTheShareOfActiveTimeMeasuredOrDenselySampled() {
        // 0.2 s of CPU measured; 0.8 s in native code split by 2 hints: far under 10 a second
        ThreadAccount thin = account();
        thin.addHint(ThreadState.CPU, 2);
        thin.setLife(WINDOW);
        thin.setOs(200 * MS, 0);
        assertThat(thin.coverage(thin.breakdown(WINDOW))).isCloseTo(0.2 + 0.8 * (2 / 8.0), org.assertj.core.data.Offset.offset(0.01));
        // the OS's polls of the blocked thread count as samples of it
        ThreadAccount polled = account();
        polled.addHint(ThreadState.CPU, 2);
        polled.setLife(WINDOW);
        polled.setOs(200 * MS, 0);
        polled.setOsWaits(new OsWaitRules.OffCpu(0, 8, 0, 0));
        assertThat(polled.coverage(polled.breakdown(WINDOW))).isEqualTo(1.0);
    }

    @Test
    void cpuSpentSpinningForAMonitorOrInsideAnIoCallMovesToThoseStates() {
        ThreadAccount a = account();
        for (int i = 0; i < 50; i++) a.addCpu(ThreadState.LOCK, "ObjectMonitor::EnterI", 10 * MS);
        for (int i = 0; i < 25; i++) a.addCpu(ThreadState.IO, "FileDispatcherImpl.force0", 10 * MS);
        for (int i = 0; i < 25; i++) a.addCpu(ThreadState.CPU, "Work.run", 10 * MS);
        a.setOs(1000 * MS, 0);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.LOCK)).isEqualTo(500 * MS);
        assertThat(b.nanos(ThreadState.IO)).isEqualTo(250 * MS);
        assertThat(b.nanos(ThreadState.CPU)).isEqualTo(250 * MS);
    }

    @Test
    void withoutTheOsSensorCpuSamplesStandForCpuTime() {
        ThreadAccount a = account();
        for (int i = 0; i < 30; i++) a.addCpu(ThreadState.CPU, "Work.run", 10 * MS);
        for (int i = 0; i < 70; i++) a.addWall(ThreadState.LOCK, "Cache.get", 10 * MS);
        for (int i = 0; i < 30; i++) a.addWall(ThreadState.CPU, "Work.run", 10 * MS);
        Breakdown b = a.breakdown(WINDOW);
        assertThat(b.nanos(ThreadState.CPU)).isEqualTo(300 * MS);
        assertThat(b.nanos(ThreadState.LOCK)).isEqualTo(700 * MS);
    }

    @Test
    void aParkedThreadThatOnlyQueuedWhenTheProfilerWokeItIsIdleAStarvedWorkerIsNot() {
        ThreadAccount parked = account();
        for (int i = 0; i < 100; i++) parked.addWall(ThreadState.WAIT, "ThreadPoolExecutor.getTask", 10 * MS);
        parked.setOs(0, 60 * MS); // over the 2% threshold, all of it run-queue delay after wake-ups
        assertThat(Analyzer.isIdle(parked.breakdown(WINDOW), WINDOW)).isTrue();

        ThreadAccount starved = account();
        for (int i = 0; i < 100; i++) starved.addWall(ThreadState.CPU, "Hash.mix", 10 * MS);
        starved.setOs(10 * MS, 900 * MS); // wanted a CPU nearly all the window and got 1%
        assertThat(Analyzer.isIdle(starved.breakdown(WINDOW), WINDOW)).isFalse();

        ThreadAccount light = account();
        for (int i = 0; i < 100; i++) light.addWall(ThreadState.WAIT, "LinkedBlockingQueue.take", 10 * MS);
        light.setOs(10 * MS, 40 * MS); // 1% on a CPU of its own and 4% queued for one: a light worker
        assertThat(Analyzer.isIdle(light.breakdown(WINDOW), WINDOW)).isFalse();

        ThreadAccount worker = account();
        for (int i = 0; i < 100; i++) worker.addWall(ThreadState.IO, "Client.fetch", 10 * MS);
        worker.setOs(30 * MS, 0);
        assertThat(Analyzer.isIdle(worker.breakdown(WINDOW), WINDOW)).isFalse();
    }
}
