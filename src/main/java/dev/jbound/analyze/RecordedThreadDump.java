package dev.jbound.analyze;

import dev.jbound.model.Frame;
import dev.jbound.model.Stack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HotSpot thread dump as the JDK's recorder stores it (jdk.ThreadDump, one at each end of a
 * chunk): per thread its OS id ({@code nid=0x1a2b}), CPU time so far ({@code cpu=12.34ms}, JDK 11+,
 * JVM threads too), age ({@code elapsed=4.06s}) and Java stack. Two dumps give every thread's CPU
 * time in between, which the JDK's sampler cannot, and what each thread was doing at both ends.
 */
final class RecordedThreadDump {

    private static final Pattern HEADER = Pattern.compile(
            "^\"(.*)\"\\s.*?\\bcpu=([0-9.]+)ms\\s+elapsed=([0-9.]+)s\\b.*?\\bnid=(0x[0-9a-fA-F]+|[0-9]+)");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (\\S+)\\.([^.(\\s]+)\\(");

    record Thread(long tid, String name, long cpuNanos, long ageNanos, Stack stack) {
    }

    private RecordedThreadDump() {
    }

    /** Threads by OS thread id; empty when the dump carries no CPU times (JDK 8). */
    static Map<Long, Thread> parse(String dump) {
        Map<Long, Thread> threads = new HashMap<>();
        if (dump == null) return threads;
        String name = null;
        long tid = 0, cpu = 0, age = 0;
        List<Frame> frames = new ArrayList<>();
        for (String line : dump.split("\n")) {
            Matcher h = HEADER.matcher(line);
            if (h.find()) {
                if (name != null) threads.put(tid, new Thread(tid, name, cpu, age, new Stack(frames)));
                frames.clear();
                try {
                    String nid = h.group(4);
                    tid = nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid);
                    cpu = Math.round(Double.parseDouble(h.group(2)) * 1e6);
                    age = Math.round(Double.parseDouble(h.group(3)) * 1e9);
                    name = h.group(1);
                } catch (NumberFormatException e) {
                    name = null; // a header this parser does not understand: that thread keeps its sampled CPU
                }
                continue;
            }
            Matcher f = FRAME.matcher(line);
            if (name != null && f.find()) frames.add(Frame.java(f.group(1), f.group(2)));
        }
        if (name != null) threads.put(tid, new Thread(tid, name, cpu, age, new Stack(frames)));
        return threads;
    }
}
