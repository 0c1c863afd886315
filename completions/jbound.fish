# fish completion for jbound, generated from its command model by dev.jbound.cli.DocsGenerator; do not edit.
# Install as ~/.config/fish/completions/jbound.fish or in a vendor_completions.d directory.

# no file names unless an option or argument takes a file
complete -c jbound -f
complete -c jbound -n __fish_use_subcommand -l verbose -d 'Print stack traces and diagnostics on errors'
complete -c jbound -n __fish_use_subcommand -s h -l help -d 'Show this help message and exit'
complete -c jbound -n __fish_use_subcommand -s V -l version -d 'Print version information and exit'

complete -c jbound -n __fish_use_subcommand -a 'ps' -d 'List the JVMs on this machine: pid, user, uptime, threads, CPU use, JDK version, whether jbound can attach (and why not) and the main class or jar'
complete -c jbound -n __fish_use_subcommand -a 'attach' -d 'Record a running JVM for a window, classify the workload and print a verdict with a strategy'
complete -c jbound -n __fish_use_subcommand -a 'run' -d 'Launch a command and profile the JVMs it starts, from their first instruction'
complete -c jbound -n __fish_use_subcommand -a 'report' -d 'Analyse a JFR recording made elsewhere and print the verdict: one from jbound (--jfr), async-profiler, the JDK\'s -XX:StartFlightRecording or jcmd JFR.start, or JDK Mission Control'
complete -c jbound -n __fish_use_subcommand -a 'check' -d 'Profile a JVM (--pid), read a recording (--report) or run a command (-- COMMAND), and check the verdict: exit 0 when every assertion holds, 1 when any fails, with one line per failure on stderr'
complete -c jbound -n __fish_use_subcommand -a 'diff' -d 'Compare two reports written with --format json (attach, report, check, run): the class, each state\'s share of active time, and the frames whose time moved most (ms per second of window)'
complete -c jbound -n __fish_use_subcommand -a 'dump' -d 'Take one thread dump of a running JVM and show its deadlocks (monitor and java.util.concurrent lock cycles) first, then who holds which lock and who waits for it, then the threads grouped by state (cpu, io, lock, wait) with their top frames'
complete -c jbound -n __fish_use_subcommand -a 'top' -d 'Show a running JVM live, full screen: process CPU, the last interval\'s breakdown and the verdict so far, then one row per thread with a state bar (cpu, runqueue, io, lock, gc, wait), CPU%, and the lock it waits for or holds, else its top frame'
complete -c jbound -n __fish_use_subcommand -a 'watch' -d 'Record a window every period and keep going: the verdict, the time in each state per pool, lock and I/O waits and the advised pool size, served for Prometheus (--prometheus) or written for the node exporter\'s textfile collector (--textfile). A name is looked up again each period, so a JVM restarted under a new pid is followed; --all watches every JVM that can be attached, picking up new ones and dropping gone ones. A JVM that refuses attach is reported and tried again after a growing pause. Each window stops its profiler in the target, whatever ends jbound'
complete -c jbound -n __fish_use_subcommand -a 'shell' -d 'Start an interactive session: attach to a JVM once, then record, look at threads, stacks and locks, watch it live (top), dump, save and diff without repeating the pid'
complete -c jbound -n __fish_use_subcommand -a 'demo' -d 'Start a built-in workload in a child JVM and profile it, to see a real verdict in seconds'

# jbound ps
complete -c jbound -n '__fish_seen_subcommand_from ps' -s f -l format -x -a 'text json' -d 'Output format: text, json. Default: text'
complete -c jbound -n '__fish_seen_subcommand_from ps' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from ps' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from ps' -l verbose -d 'Print stack traces and diagnostics on errors'

# jbound attach
complete -c jbound -n '__fish_seen_subcommand_from attach' -s d -l duration -x -d 'How long to record (e.g. 10s, 500ms, 2m). Default: 10s for attach, 5s for demo; for run, until the command ends (at most 24h), after which the command goes on unprofiled'
complete -c jbound -n '__fish_seen_subcommand_from attach' -s i -l interval -x -d 'Sampling interval per thread for CPU and wall-clock samples (1ms to 1s). Default: cpu 20ms; wall 20ms, longer for JVMs with over 80 threads (0.25ms per thread, at most 1s; run: 20ms, as its JVMs have not started yet)'
complete -c jbound -n '__fish_seen_subcommand_from attach' -l recorder -x -a 'auto async jfr' -d 'Which recorder: auto, async, jfr. auto uses async-profiler and falls back to the JDK Flight Recorder (started through the attach mechanism) where async-profiler cannot load, and says so. Default: auto'
complete -c jbound -n '__fish_seen_subcommand_from attach' -s f -l format -x -a 'text json' -d 'Report format: text, json. Default: text'
complete -c jbound -n '__fish_seen_subcommand_from attach' -s o -l output -r -F -d 'Write the report to FILE instead of stdout (for run: instead of stderr)'
complete -c jbound -n '__fish_seen_subcommand_from attach' -l jfr -r -F -d 'Keep the raw JFR recording in FILE (run --subprocesses: the first JVM\'s; each other one\'s in FILE with its pid added)'
complete -c jbound -n '__fish_seen_subcommand_from attach' -l flame -r -F -d 'Also write flame graphs to FILE (one self-contained HTML page, drawn by async-profiler\'s converter): one of CPU time and one of blocked time (io + lock), each rooted at the thread\'s pool'
complete -c jbound -n '__fish_seen_subcommand_from attach' -l html -r -F -d 'Also write the whole report to FILE as one self-contained HTML page (nothing fetched to view it): verdict and strategy, the breakdown chart, the window over time with a lane per thread, the contended locks, the pools and the flame graphs'
complete -c jbound -n '__fish_seen_subcommand_from attach' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from attach' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from attach' -l verbose -d 'Print stack traces and diagnostics on errors'

# jbound run
complete -c jbound -n '__fish_seen_subcommand_from run' -l subprocesses -d 'A verdict for every JVM the command starts (e.g. a build\'s forked test JVMs), not only the first'
complete -c jbound -n '__fish_seen_subcommand_from run' -s d -l duration -x -d 'How long to record (e.g. 10s, 500ms, 2m). Default: 10s for attach, 5s for demo; for run, until the command ends (at most 24h), after which the command goes on unprofiled'
complete -c jbound -n '__fish_seen_subcommand_from run' -s i -l interval -x -d 'Sampling interval per thread for CPU and wall-clock samples (1ms to 1s). Default: cpu 20ms; wall 20ms, longer for JVMs with over 80 threads (0.25ms per thread, at most 1s; run: 20ms, as its JVMs have not started yet)'
complete -c jbound -n '__fish_seen_subcommand_from run' -l recorder -x -a 'auto async jfr' -d 'Which recorder: auto, async, jfr. auto uses async-profiler and falls back to the JDK Flight Recorder (started through the attach mechanism) where async-profiler cannot load, and says so. Default: auto'
complete -c jbound -n '__fish_seen_subcommand_from run' -s f -l format -x -a 'text json' -d 'Report format: text, json. Default: text'
complete -c jbound -n '__fish_seen_subcommand_from run' -s o -l output -r -F -d 'Write the report to FILE instead of stdout (for run: instead of stderr)'
complete -c jbound -n '__fish_seen_subcommand_from run' -l jfr -r -F -d 'Keep the raw JFR recording in FILE (run --subprocesses: the first JVM\'s; each other one\'s in FILE with its pid added)'
complete -c jbound -n '__fish_seen_subcommand_from run' -l flame -r -F -d 'Also write flame graphs to FILE (one self-contained HTML page, drawn by async-profiler\'s converter): one of CPU time and one of blocked time (io + lock), each rooted at the thread\'s pool'
complete -c jbound -n '__fish_seen_subcommand_from run' -l html -r -F -d 'Also write the whole report to FILE as one self-contained HTML page (nothing fetched to view it): verdict and strategy, the breakdown chart, the window over time with a lane per thread, the contended locks, the pools and the flame graphs'
complete -c jbound -n '__fish_seen_subcommand_from run' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from run' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from run' -l verbose -d 'Print stack traces and diagnostics on errors'
complete -c jbound -n '__fish_seen_subcommand_from run' -F

# jbound report
complete -c jbound -n '__fish_seen_subcommand_from report' -s f -l format -x -a 'text json' -d 'Report format: text, json. Default: text'
complete -c jbound -n '__fish_seen_subcommand_from report' -s o -l output -r -F -d 'Write the report to FILE instead of stdout (for run: instead of stderr)'
complete -c jbound -n '__fish_seen_subcommand_from report' -l flame -r -F -d 'Also write flame graphs to FILE (one self-contained HTML page, drawn by async-profiler\'s converter): one of CPU time and one of blocked time (io + lock), each rooted at the thread\'s pool'
complete -c jbound -n '__fish_seen_subcommand_from report' -l html -r -F -d 'Also write the whole report to FILE as one self-contained HTML page (nothing fetched to view it): verdict and strategy, the breakdown chart, the window over time with a lane per thread, the contended locks, the pools and the flame graphs'
complete -c jbound -n '__fish_seen_subcommand_from report' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from report' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from report' -l verbose -d 'Print stack traces and diagnostics on errors'
complete -c jbound -n '__fish_seen_subcommand_from report' -F

# jbound check
complete -c jbound -n '__fish_seen_subcommand_from check' -l pid -x -d 'Profile this running JVM (a pid, or a name as for attach)'
complete -c jbound -n '__fish_seen_subcommand_from check' -l report -r -F -d 'Check a JFR recording made elsewhere, as report reads it'
complete -c jbound -n '__fish_seen_subcommand_from check' -l expect -x -d 'The verdict must be one of these classes (cpu-bound, cpu-saturated, io-bound, lock-bound, gc-bound, idle, mixed)'
complete -c jbound -n '__fish_seen_subcommand_from check' -l max -x -d 'The state\'s share of active time is at most PERCENT (e.g. lock=10%); states: cpu, runqueue, io, lock, gc. Repeatable'
complete -c jbound -n '__fish_seen_subcommand_from check' -l min -x -d 'The state\'s share of active time is at least PERCENT (e.g. cpu=50%). Repeatable'
complete -c jbound -n '__fish_seen_subcommand_from check' -s f -l format -x -a 'text json junit markdown' -d 'Output format: text, json, junit, markdown (JUnit XML for CI servers, Markdown for a job summary). Default: text'
complete -c jbound -n '__fish_seen_subcommand_from check' -s o -l output -r -F -d 'Write the output to FILE instead of stdout'
complete -c jbound -n '__fish_seen_subcommand_from check' -s d -l duration -x -d 'How long to record (e.g. 10s, 500ms, 2m). Default: 10s for attach, 5s for demo; for run, until the command ends (at most 24h), after which the command goes on unprofiled'
complete -c jbound -n '__fish_seen_subcommand_from check' -s i -l interval -x -d 'Sampling interval per thread for CPU and wall-clock samples (1ms to 1s). Default: cpu 20ms; wall 20ms, longer for JVMs with over 80 threads (0.25ms per thread, at most 1s; run: 20ms, as its JVMs have not started yet)'
complete -c jbound -n '__fish_seen_subcommand_from check' -l recorder -x -a 'auto async jfr' -d 'Which recorder: auto, async, jfr. auto uses async-profiler and falls back to the JDK Flight Recorder (started through the attach mechanism) where async-profiler cannot load, and says so. Default: auto'
complete -c jbound -n '__fish_seen_subcommand_from check' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from check' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from check' -l verbose -d 'Print stack traces and diagnostics on errors'
complete -c jbound -n '__fish_seen_subcommand_from check' -F

# jbound diff
complete -c jbound -n '__fish_seen_subcommand_from diff' -l fail-on-regression -x -d 'Exit 1 when runqueue, io, lock or gc rose by more than POINTS percentage points of active time (e.g. 5% or 5)'
complete -c jbound -n '__fish_seen_subcommand_from diff' -s f -l format -x -a 'text json' -d 'Output format: text, json. Default: text'
complete -c jbound -n '__fish_seen_subcommand_from diff' -s o -l output -r -F -d 'Write the output to FILE instead of stdout'
complete -c jbound -n '__fish_seen_subcommand_from diff' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from diff' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from diff' -l verbose -d 'Print stack traces and diagnostics on errors'
complete -c jbound -n '__fish_seen_subcommand_from diff' -F
complete -c jbound -n '__fish_seen_subcommand_from diff' -F

# jbound dump
complete -c jbound -n '__fish_seen_subcommand_from dump' -s f -l format -x -a 'text json' -d 'Report format: text, json. Default: text'
complete -c jbound -n '__fish_seen_subcommand_from dump' -s o -l output -r -F -d 'Write the report to FILE instead of stdout (for run: instead of stderr)'
complete -c jbound -n '__fish_seen_subcommand_from dump' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from dump' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from dump' -l verbose -d 'Print stack traces and diagnostics on errors'

# jbound top
complete -c jbound -n '__fish_seen_subcommand_from top' -l interval -x -d 'How often the view refreshes: each refresh is one recorded interval (500ms to 60s). Default: 1s'
complete -c jbound -n '__fish_seen_subcommand_from top' -l recorder -x -a 'auto async jfr' -d 'Which recorder: auto, async, jfr, as for attach. Default: auto'
complete -c jbound -n '__fish_seen_subcommand_from top' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from top' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from top' -l verbose -d 'Print stack traces and diagnostics on errors'

# jbound watch
complete -c jbound -n '__fish_seen_subcommand_from watch' -l all -d 'Watch every JVM on this machine that jbound can attach to, or every one NAME matches'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l window -x -d 'How long each window records. Default: 10s'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l every -x -d 'How often a window starts, at least the window\'s length. Default: 60s (a sixth of the time recorded: the target pays well under 1% of its CPU, BENCHMARKS.md)'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l prometheus -x -d 'Serve the metrics at http://HOST:PORT/metrics in the Prometheus and OpenMetrics text formats (port 0: any free port, printed on stderr)'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l textfile -r -F -d 'After each period, write the metrics to DIR/jbound.prom for the node exporter\'s textfile collector (written beside and renamed, so never read half-written)'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l otlp -x -d 'Also push the metrics as OTLP over HTTP to URL (a collector\'s metrics endpoint, e.g. http://127.0.0.1:4318/v1/metrics) once a period; each JVM is a resource (service.name, host.name, process.pid, container.id)'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l jfr-dir -r -F -d 'Keep each window\'s recording in DIR as jbound-PID-TIME.jfr (for a later jbound report), the oldest deleted while they hold more than --jfr-dir-size'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l jfr-dir-size -x -d 'How much the kept recordings may hold together: a number of bytes, or with k, m or g (1024-based). Default: 1g'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l top -x -d 'Series for at most N pools, N lock sites and N I/O targets per JVM; later ones fold into \'other\'. Default: 10'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l rounds -x -d 'Stop after N periods (default: run until interrupted)'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l recorder -x -a 'auto async jfr' -d 'Which recorder: auto, async, jfr. Default: auto'
complete -c jbound -n '__fish_seen_subcommand_from watch' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from watch' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from watch' -l verbose -d 'Print stack traces and diagnostics on errors'

# jbound shell
complete -c jbound -n '__fish_seen_subcommand_from shell' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from shell' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from shell' -l verbose -d 'Print stack traces and diagnostics on errors'

# jbound demo
complete -c jbound -n '__fish_seen_subcommand_from demo' -l java -r -F -d 'The java executable for the workload JVM (default: the one running jbound)'
complete -c jbound -n '__fish_seen_subcommand_from demo' -s d -l duration -x -d 'How long to record (e.g. 10s, 500ms, 2m). Default: 10s for attach, 5s for demo; for run, until the command ends (at most 24h), after which the command goes on unprofiled'
complete -c jbound -n '__fish_seen_subcommand_from demo' -s i -l interval -x -d 'Sampling interval per thread for CPU and wall-clock samples (1ms to 1s). Default: cpu 20ms; wall 20ms, longer for JVMs with over 80 threads (0.25ms per thread, at most 1s; run: 20ms, as its JVMs have not started yet)'
complete -c jbound -n '__fish_seen_subcommand_from demo' -l recorder -x -a 'auto async jfr' -d 'Which recorder: auto, async, jfr. auto uses async-profiler and falls back to the JDK Flight Recorder (started through the attach mechanism) where async-profiler cannot load, and says so. Default: auto'
complete -c jbound -n '__fish_seen_subcommand_from demo' -s f -l format -x -a 'text json' -d 'Report format: text, json. Default: text'
complete -c jbound -n '__fish_seen_subcommand_from demo' -s o -l output -r -F -d 'Write the report to FILE instead of stdout (for run: instead of stderr)'
complete -c jbound -n '__fish_seen_subcommand_from demo' -l jfr -r -F -d 'Keep the raw JFR recording in FILE (run --subprocesses: the first JVM\'s; each other one\'s in FILE with its pid added)'
complete -c jbound -n '__fish_seen_subcommand_from demo' -l flame -r -F -d 'Also write flame graphs to FILE (one self-contained HTML page, drawn by async-profiler\'s converter): one of CPU time and one of blocked time (io + lock), each rooted at the thread\'s pool'
complete -c jbound -n '__fish_seen_subcommand_from demo' -l html -r -F -d 'Also write the whole report to FILE as one self-contained HTML page (nothing fetched to view it): verdict and strategy, the breakdown chart, the window over time with a lane per thread, the contended locks, the pools and the flame graphs'
complete -c jbound -n '__fish_seen_subcommand_from demo' -s h -l help -d 'Show this help message and exit'
complete -c jbound -n '__fish_seen_subcommand_from demo' -s V -l version -d 'Print version information and exit'
complete -c jbound -n '__fish_seen_subcommand_from demo' -l verbose -d 'Print stack traces and diagnostics on errors'
complete -c jbound -n '__fish_seen_subcommand_from demo' -a 'cpu cpu-single io disk lock rlock idle idle-pool gc virtual-io burst mixed' -d 'WORKLOAD'
