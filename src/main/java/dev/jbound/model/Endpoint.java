package dev.jbound.model;

/**
 * A remote endpoint the process waited on, as the OS saw it at the window's end.
 *
 * @param address     "10.0.0.5:5432", "[::1]:8080", a unix socket's path
 * @param connections the process's connections to it then
 * @param pid         the local process listening behind it (a peer on this machine), 0 when none is
 *                    or it cannot be seen (another user's, another namespace)
 * @param process     that process's name (its comm), "" with pid 0
 * @param cpuCores    the CPU that process and its children used, in cores, over the part of the window
 *                    it was watched (from the first poll that met the endpoint); -1 when unknown or
 *                    the process is the target itself
 */
public record Endpoint(String address, int connections, long pid, String process, double cpuCores) {

    public Endpoint {
        process = process == null ? "" : process;
    }

    public Endpoint(String address, int connections, long pid, String process) {
        this(address, connections, pid, process, -1);
    }

    /** "postgres (pid 812)", or "" for a remote one. */
    public String local() {
        return pid > 0 ? process + " (pid " + pid + ")" : "";
    }
}
