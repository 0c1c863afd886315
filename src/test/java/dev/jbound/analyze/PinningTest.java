package dev.jbound.analyze;

import dev.jbound.model.Stack;
import dev.jbound.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** What would pin a pool's threads as virtual threads, read from a thread dump's monitors and native frames. */
class PinningTest {
    // Abridged from `jcmd PID Thread.print` on JDK 17: a client waiting inside its synchronized call,
    // a BufferedReader (its reader's monitor, JDK 17 only), a JNI read, and a thread computing.
    private static final String DUMP = """
            "legacy-0" #12 prio=5 os_prio=0 cpu=3.00ms elapsed=9.00s tid=0x1 nid=0x10 runnable  [0x0]
               java.lang.Thread.State: RUNNABLE
            \tat sun.nio.ch.SocketDispatcher.read0(java.base@17.0.15/Native Method)
            \tat sun.nio.ch.NioSocketImpl.read(java.base@17.0.15/NioSocketImpl.java:350)
            \tat java.io.BufferedReader.readLine(java.base@17.0.15/BufferedReader.java:392)
            \t- locked <0x00000000aa000001> (a java.io.InputStreamReader)
            \tat app.LegacyClient.call(LegacyClient.java:20)
            \t- locked <0x00000000aa000002> (a app.LegacyClient)
            \tat app.Main.run(Main.java:9)

            "service-0" #13 prio=5 os_prio=0 cpu=3.00ms elapsed=9.00s tid=0x2 nid=0x11 runnable  [0x0]
               java.lang.Thread.State: RUNNABLE
            \tat sun.nio.ch.SocketDispatcher.read0(java.base@17.0.15/Native Method)
            \tat java.io.BufferedReader.readLine(java.base@17.0.15/BufferedReader.java:392)
            \t- locked <0x00000000aa000003> (a java.io.InputStreamReader)
            \tat app.Connection.ask(Connection.java:30)

            "store-0" #14 prio=5 os_prio=0 cpu=3.00ms elapsed=9.00s tid=0x3 nid=0x12 runnable  [0x0]
               java.lang.Thread.State: RUNNABLE
            \tat org.rocksdb.RocksDB.get(Native Method)
            \tat app.Store.load(Store.java:12)

            "hash-0" #15 prio=5 os_prio=0 cpu=3.00ms elapsed=9.00s tid=0x4 nid=0x13 runnable  [0x0]
               java.lang.Thread.State: RUNNABLE
            \tat app.Hash.step(Hash.java:5)
            \t- locked <0x00000000aa000004> (a app.Hash)
            """;

    /** The dump's stacks as the frame rules would read them: socket and JNI reads wait on I/O, the rest computes. */
    private static final Function<Stack, ThreadState> STATE = s -> {
        String top = s.frames().get(0).className();
        return top.startsWith("sun.nio.ch.") || top.startsWith("org.rocksdb.") ? ThreadState.IO : ThreadState.CPU;
    };

    @Test
    void aMonitorHeldAroundAWaitPinsBefore24AndAJniCallPinsOnEveryRelease() {
        Pinning p = Pinning.of(ThreadDump.parse(DUMP), STATE, name -> true, 17);
        assertThat(p.waiting()).isEqualTo(3);
        // the client's own monitor; the BufferedReader's is gone on the JDK that has virtual threads
        assertThat(p.inMonitor()).isEqualTo(1);
        assertThat(p.monitor()).isEqualTo("app.LegacyClient in app.LegacyClient.call");
        assertThat(p.inNative()).isEqualTo(1);
        assertThat(p.pins(17)).isTrue();
        assertThat(p.advice(17)).contains("1 of the 3 threads waiting on I/O in the thread dump hold a monitor (app.LegacyClient in",
                "replace that synchronized with a ReentrantLock, or run on JDK 24+", "block in a library's native method");
        // on JDK 25 the monitor no longer pins, the JNI call still does
        Pinning later = Pinning.of(ThreadDump.parse(DUMP), STATE, name -> true, 25);
        assertThat(later.inMonitor()).as("on 21+ a java.io monitor in the dump is a subclass's, and real").isEqualTo(2);
        assertThat(later.advice(25)).contains("on JDK 25 a virtual thread unmounts there (JEP 491)", "on every JDK");
        assertThat(later.pins(25)).isTrue();
    }

    @Test
    void waitsInNoMonitorAndNoNativeCodeWouldNotPin() {
        Pinning p = Pinning.of(ThreadDump.parse(DUMP), STATE, name -> name.startsWith("service-"), 17);
        assertThat(p.waiting()).isEqualTo(1);
        assertThat(p.pins(17)).isFalse();
        assertThat(p.advice(17)).startsWith("no thread of the 1 waiting on I/O");
        assertThat(Pinning.of(null, STATE, name -> true, 17)).as("no dump, nothing checked").isNull();
        Pinning none = Pinning.of(ThreadDump.parse(DUMP), STATE, name -> name.startsWith("hash-"), 17);
        assertThat(none.advice(17)).startsWith("no thread was waiting on I/O in the thread dump");
    }
}
