package dev.jbound.analyze;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.jbound.analyze.StackFixtures.frames;
import static dev.jbound.model.ThreadState.GC;
import static dev.jbound.model.ThreadState.IO;
import static dev.jbound.model.ThreadState.WAIT;

/** GC, JVM-internal threads, native-only stacks, and the JDK's own waits. */
class JvmClassificationTest {

    private static final String[] NATIVE_THREAD_BASE = {
            "n:Thread::call_run()", "n:thread_native_entry(Thread*)", "n:start_thread", "n:clone3"};

    private final FrameClassifier classifier = new FrameClassifier();

    static Stream<ClassifierCase> cases() {
        return Stream.of(
                new ClassifierCase("G1 worker evacuating", GC, "G1ParScanThreadState::trim_queue_to_threshold(unsigned int)",
                        "gc-g1", StackFixtures.join(frames(
                        "n:G1ParScanThreadState::trim_queue_to_threshold(unsigned int)",
                        "n:G1ParEvacuateFollowersClosure::do_void()", "n:G1EvacuateRegionsTask::work(unsigned int)",
                        "n:WorkerThread::run()"), NATIVE_THREAD_BASE)),
                new ClassifierCase("allocation stalled until a G1 pause finishes", GC, "com.acme.Buffers.allocate",
                        "gc-g1", frames("n:__futex_abstimed_wait_common", "n:___pthread_cond_wait",
                        "n:Monitor::wait(unsigned long)", "n:VMThread::execute(VM_Operation*)",
                        "n:G1CollectedHeap::do_collection_pause(unsigned long, unsigned int, bool*, GCCause::Cause)",
                        "n:G1CollectedHeap::attempt_allocation_slow(unsigned long)",
                        "n:MemAllocator::allocate_inside_tlab_slow(MemAllocator::Allocation&) const",
                        "n:MemAllocator::allocate() const", "n:OptoRuntime::new_array_C(Klass*, int, JavaThread*)",
                        "com.acme.Buffers.allocate", "com.acme.Main.main")),
                new ClassifierCase("ZGC allocation stall", GC, "com.acme.Buffers.allocate", "gc-z", frames(
                        "n:__futex_abstimed_wait_common", "n:ZPageAllocator::alloc_page_stall(ZPageAllocation*)",
                        "n:ZPageAllocator::alloc_page(unsigned char, unsigned long, ZAllocationFlags)",
                        "n:MemAllocator::allocate() const", "com.acme.Buffers.allocate")),
                new ClassifierCase("VM thread running a GC operation", GC, "VM_G1CollectForAllocation::doit()",
                        "gc-operation", StackFixtures.join(frames("n:VM_G1CollectForAllocation::doit()",
                        "n:VM_Operation::evaluate()", "n:VMThread::evaluate_operation(VM_Operation*)",
                        "n:VMThread::run()"), NATIVE_THREAD_BASE)),
                new ClassifierCase("native thread asleep on a condition variable: wait, not CPU", WAIT,
                        "___pthread_cond_timedwait64", "futex", StackFixtures.join(frames(
                        "n:__futex_abstimed_wait_common", "n:___pthread_cond_timedwait64",
                        "n:Monitor::wait(unsigned long)", "n:VMThread::wait_for_operation()", "n:VMThread::run()"),
                        NATIVE_THREAD_BASE)),
                new ClassifierCase("native read with no Java frame is I/O", IO, "__libc_read", "syscall-io",
                        StackFixtures.join(frames("k:schedule", "k:ksys_read", "n:__libc_read", "n:agent_loop"),
                                NATIVE_THREAD_BASE)),
                new ClassifierCase("Reference Handler waiting for work", WAIT,
                        "java.lang.ref.Reference.waitForReferencePendingList", "reference-wait", frames(
                        "n:__futex_abstimed_wait_common", "n:Monitor::wait(unsigned long)",
                        "n:JVM_WaitForReferencePendingList", "java.lang.ref.Reference.waitForReferencePendingList",
                        "java.lang.ref.Reference.processPendingReferences", "java.lang.ref.Reference$ReferenceHandler.run")),
                new ClassifierCase("Finalizer thread on ReferenceQueue.remove", WAIT,
                        "java.lang.ref.ReferenceQueue.remove", "reference-wait", frames(
                        "n:__futex_abstimed_wait_common", "n:ObjectMonitor::wait(long, bool, JavaThread*)",
                        "n:JVM_MonitorWait", "java.lang.Object.wait", "java.lang.ref.ReferenceQueue.remove",
                        "java.lang.ref.ReferenceQueue.remove", "java.lang.ref.Finalizer$FinalizerThread.run")),
                new ClassifierCase("Thread.join", WAIT, "com.acme.Main.main", "thread-join", frames(
                        "n:__futex_abstimed_wait_common", "n:ObjectMonitor::wait(long, bool, JavaThread*)",
                        "n:JVM_MonitorWait", "java.lang.Object.wait", "java.lang.Thread.join", "java.lang.Thread.join",
                        "com.acme.Main.main")),
                new ClassifierCase("JDK 21 Object.wait0, JFR stack without native frames", WAIT, "com.acme.Mailbox.take",
                        "object-wait", frames("java.lang.Object.wait0", "java.lang.Object.wait", "java.lang.Object.wait",
                        "com.acme.Mailbox.take")),
                new ClassifierCase("JDK 21 Thread.sleep0, JFR stack without native frames", WAIT, "com.acme.Poller.run",
                        "sleep", frames("java.lang.Thread.sleep0", "java.lang.Thread.sleep", "com.acme.Poller.run")),
                new ClassifierCase("java.util.Timer idle", WAIT, "java.util.TimerThread.mainLoop", "timer-idle", frames(
                        "java.lang.Object.wait0", "java.lang.Object.wait", "java.util.TimerThread.mainLoop",
                        "java.util.TimerThread.run"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(ClassifierCase c) {
        c.check(classifier);
    }
}
