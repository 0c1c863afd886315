package dev.jbound.support;

import dev.jbound.profile.RecordedProfile;
import dev.jbound.record.RecordingException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Seeded mutations of real recordings fed to `jbound report`'s path (RecordedProfile.analyze), in
 * a JVM of its own so that its heap is the bound the issue names: every input must come back as a
 * report or as the one-line RecordingException `report` prints with exit code 4; anything else
 * (another exception, an Error, out of memory) is a bug, and so is an input that takes longer than
 * the bound. The mutations are the ways files go bad: cut short, bits flipped, a varint or a count
 * blown up to the largest value, a header field (size, offsets, tick rate) replaced, a run of bytes
 * copied over another part of the file. Besides each recording, pairs of them joined into files of
 * two chunks.
 *
 * <p>{@code JfrFuzz SEED COUNT MILLIS_BOUND DIR...}: prints one line per bug and a summary
 * "tried N read R refused F bugs B slowest-ms S"; exits 1 when there was a bug. Inputs that found
 * one are kept in {@code target/fuzz-failures}; after a crash, the input left in
 * {@code target/fuzz-work} is the one that caused it.
 */
public final class JfrFuzz {

    private static final String[] KINDS = {"truncate", "bit-flips", "huge-varint", "header-field", "splice"};

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        long bound = Long.parseLong(args[2]);
        List<Path> seeds = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            try (Stream<Path> s = Files.list(Path.of(args[i]))) {
                s.filter(p -> p.toString().endsWith(".jfr")).sorted().forEach(seeds::add);
            }
        }
        List<byte[]> originals = new ArrayList<>();
        for (Path p : seeds) originals.add(Files.readAllBytes(p));
        // and files of two chunks, two recordings of one directory back to back (as a JFR file may be):
        // a mutation in the second chunk reaches the reader's second thread and the walk that ends after the first
        int single = seeds.size();
        for (int i = 0; i + 1 < single; i += 2) {
            if (!seeds.get(i).getParent().equals(seeds.get(i + 1).getParent())) continue;
            byte[] a = originals.get(i);
            byte[] b = originals.get(i + 1);
            byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            originals.add(joined);
            seeds.add(seeds.get(i).resolveSibling(seeds.get(i).getFileName() + "+" + seeds.get(i + 1).getFileName()));
        }
        Random random = new Random(seed);
        // the input under test stays here until it is done: after a crash (out of memory ends the
        // JVM at once) the one left is the one that did it
        Path work = Files.createDirectories(Path.of("target", "fuzz-work"));
        try (Stream<Path> old = Files.list(work)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        Path failures = Path.of("target", "fuzz-failures");
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-input");
            t.setDaemon(true);
            return t;
        });
        java.util.Map<String, Integer> reasons = new java.util.HashMap<>();
        int read = 0;
        int refused = 0;
        int bugs = 0;
        long slowest = 0;
        try {
            for (int i = 0; i < count; i++) {
                int which = random.nextInt(originals.size());
                String kind = KINDS[i % KINDS.length];
                byte[] input = mutate(originals.get(which), kind, random);
                Path file = work.resolve("input-" + i + "-" + kind + "-of-" + seeds.get(which).getFileName());
                Files.write(file, input);
                String label = "input " + i + " (" + kind + " of " + seeds.get(which).getFileName() + ")";
                long start = System.nanoTime();
                Future<String> outcome = runner.submit(() -> outcome(file));
                String result;
                try {
                    result = outcome.get(bound, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // the worker cannot be stopped: report and end the run, the JVM exits with it
                    System.out.println("BUG " + label + ": still running after " + bound + " ms");
                    keep(failures, file, i);
                    bugs++;
                    break;
                }
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                if (result.equals("read")) {
                    read++;
                } else if (result.startsWith("refused ")) {
                    refused++;
                    // what refused it, numbers left out: which structure the mutation broke
                    reasons.merge(result.substring(8).replaceAll("^[^:]*\\.jfr: ", "").replaceAll("-?[0-9]+", "N"), 1, Integer::sum);
                } else {
                    System.out.println("BUG " + label + ": " + result);
                    keep(failures, file, i);
                    bugs++;
                }
                Files.delete(file);
            }
        } finally {
            reasons.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("refused %6d  %s%n", e.getValue(), e.getKey()));
            System.out.printf("tried %d read %d refused %d bugs %d slowest-ms %d%n", read + refused + bugs, read, refused, bugs, slowest);
            System.out.flush();
        }
        System.exit(bugs == 0 ? 0 : 1);
    }

    /** "read", "refused MESSAGE" when it is the one line `report` prints, or what went wrong. */
    private static String outcome(Path file) {
        try {
            RecordedProfile.analyze(file);
            return "read";
        } catch (RecordingException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n")) return "a message that is not one line: " + m;
            return "refused " + m;
        } catch (Throwable t) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            String trace = w.toString();
            return trace.lines().limit(12).reduce((a, b) -> a + " | " + b).orElse(trace);
        }
    }

    private static void keep(Path dir, Path file, int i) throws IOException {
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve("input-" + i + ".jfr"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static byte[] mutate(byte[] original, String kind, Random r) {
        byte[] b = original.clone();
        switch (kind) {
            case "truncate" -> {
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            case "bit-flips" -> {
                int flips = 1 + r.nextInt(16);
                for (int i = 0; i < flips; i++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            }
            case "huge-varint" -> {
                // the largest 9-byte varint, or a 5-byte one near Integer.MAX_VALUE, where a count or size was
                int at = r.nextInt(Math.max(1, b.length - 9));
                int n = r.nextBoolean() ? 9 : 5;
                for (int i = 0; i < n - 1; i++) b[at + i] = (byte) 0xff;
                b[at + n - 1] = (byte) (n == 9 ? 0xff : 0x07);
            }
            case "header-field" -> {
                // chunk size, constant-pool offset, metadata offset, start, duration, ticks, tick rate, features
                ByteBuffer h = ByteBuffer.wrap(b);
                int field = 8 + 8 * r.nextInt(8);
                if (field + 8 <= b.length) {
                    long[] values = {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, h.getLong(field) + 1 + r.nextInt(64),
                            r.nextLong()};
                    h.putLong(field, values[r.nextInt(values.length)]);
                }
            }
            case "splice" -> {
                int len = 1 + r.nextInt(Math.min(256, b.length));
                int from = r.nextInt(b.length - len + 1);
                int to = r.nextInt(b.length - len + 1);
                System.arraycopy(original, from, b, to, len);
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return b;
    }
}
