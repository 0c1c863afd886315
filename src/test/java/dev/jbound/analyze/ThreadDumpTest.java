package dev.jbound.analyze;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadDumpTest {
    // Abridged from `jcmd PID Thread.print -l` on JDK 17 with three threads on one monitor and a ReentrantLock.
    private static final String DUMP = """
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

            "locker-0" #12 prio=5 os_prio=0 cpu=316.24ms elapsed=0.97s tid=0x00007fc1c0125410 nid=0x7770 waiting for monitor entry  [0x00007fc1982f5000]
               java.lang.Thread.State: BLOCKED (on object monitor)
            \tat W.lambda$main$0(W.java:4)
            \t- waiting to lock <0x000000069ec19288> (a java.lang.Object)
            \tat java.lang.Thread.run(java.base@17.0.15/Thread.java:840)

            "locker-2" #14 prio=5 os_prio=0 cpu=252.00ms elapsed=0.96s tid=0x00007fc1c01270a0 nid=0x7772 runnable  [0x00007fc13effd000]
               java.lang.Thread.State: RUNNABLE
            \tat W.hash(W.java:9)
            \tat W.lambda$main$0(W.java:4)
            \t- locked <0x000000069ec19288> (a java.lang.Object)
            \tat java.lang.Thread.run(java.base@17.0.15/Thread.java:840)

            "locker-1" #13 prio=5 os_prio=0 cpu=551.82ms elapsed=0.97s tid=0x00007fc1c01260a0 nid=0x7771 waiting for monitor entry  [0x00007fc1981f5000]
               java.lang.Thread.State: BLOCKED (on object monitor)
            \tat W.lambda$main$0(W.java:4)
            \t- waiting to lock <0x000000069ec19288> (a java.lang.Object)

            "rl-1" #20 prio=5 os_prio=0 cpu=1.00ms elapsed=0.9s tid=0x1 nid=0x2 waiting on condition  [0x0]
               java.lang.Thread.State: WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \t- parking to wait for  <0x000000069ec4d7d0> (a java.util.concurrent.locks.ReentrantLock$NonfairSync)
            \tat java.util.concurrent.locks.ReentrantLock.lock(java.base@17.0.15/ReentrantLock.java:322)

               Locked ownable synchronizers:
            \t- None

            "rl-0" #19 prio=5 os_prio=0 cpu=1.00ms elapsed=0.9s tid=0x3 nid=0x4 runnable  [0x0]
               java.lang.Thread.State: RUNNABLE
            \tat Work.step(Work.java:3)

               Locked ownable synchronizers:
            \t- <0x000000069ec4d7d0> (a java.util.concurrent.locks.ReentrantLock$NonfairSync)
            """;

    @Test
    void anIdleWorkerAwaitingAConditionWaitsForNoLock() {
        String idle = """
                "pool-1-thread-1" #15 prio=5 os_prio=0 cpu=2.00ms elapsed=9.1s tid=0x5 nid=0x6 waiting on condition  [0x0]
                   java.lang.Thread.State: WAITING (parking)
                \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
                \t- parking to wait for  <0x000000069ed67888> (a java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject)
                \tat java.util.concurrent.LinkedBlockingQueue.take(java.base@17.0.15/LinkedBlockingQueue.java:435)
                """;
        ThreadDump dump = ThreadDump.parse(DUMP + "\n" + idle);
        assertThat(dump.threads().values()).filteredOn(t -> t.name().equals("pool-1-thread-1"))
                .singleElement().satisfies(t -> assertThat(t.waitingFor()).isNull());
        assertThat(dump.locks()).doesNotContainKey("0x000000069ed67888");
        // the lock waits in the same dump are still read
        assertThat(dump.threads().values()).filteredOn(t -> t.name().equals("rl-1"))
                .singleElement().satisfies(t -> assertThat(t.waitingFor()).isEqualTo("0x000000069ec4d7d0"));
    }

    @Test
    void namesTheHolderOfAContendedMonitorAndWhatItRuns() {
        ThreadDump.LockObject lock = ThreadDump.parse(DUMP).mostContended("java.lang.Object");
        assertThat(lock.holder().thread()).isEqualTo("locker-2");
        assertThat(lock.holder().topFrame()).isEqualTo("W.hash");
        assertThat(lock.waiters()).containsExactlyInAnyOrder("locker-0", "locker-1");
    }

    @Test
    void namesTheOwnerOfAReentrantLockFromOwnableSynchronizers() {
        ThreadDump.LockObject lock = ThreadDump.parse(DUMP).mostContended("java.util.concurrent.locks.ReentrantLock$NonfairSync");
        assertThat(lock.holder().thread()).isEqualTo("rl-0");
        assertThat(lock.waiters()).containsExactly("rl-1");
    }

    @Test
    void aThreadWhoseInnermostFrameIsANativeMethodIsInNativeCode() {
        String dump = """
                "rocks-writer-0" #15 prio=5 os_prio=0 cpu=1577.41ms elapsed=6.20s tid=0x5 nid=0x1bcc runnable  [0x0]
                   java.lang.Thread.State: RUNNABLE
                \tat org.rocksdb.RocksDB.put(Native Method)
                \tat org.rocksdb.RocksDB.put(RocksDB.java:1012)
                """;
        var threads = ThreadDump.parse(DUMP + dump).threads();
        assertThat(threads.get(0x1bccL).inNativeMethod()).isTrue();
        assertThat(threads.get(0x1bccL).cpuNanos()).isEqualTo(1_577_410_000L);
        // a park is a native method too, but a waiting thread's: the stack says what it waits for
        assertThat(threads.get(0x2L).inNativeMethod()).isTrue();
        assertThat(threads.get(0x7772L).inNativeMethod()).isFalse();
    }

    @Test
    void anUncontendedClassOrAnEmptyDumpHasNoAnswer() {
        assertThat(ThreadDump.parse(DUMP).mostContended("java.lang.String")).isNull();
        assertThat(ThreadDump.parse("").mostContended("java.lang.Object")).isNull();
        assertThat(ThreadDump.parse(null).mostContended("java.lang.Object")).isNull();
    }
}
