package dev.jbound.support;

import com.sun.tools.attach.VirtualMachine;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** Connects to a local JVM over JMX the way JMC and VisualVM do: its local management agent, over RMI. */
public final class LocalJmx {
    private LocalJmx() {
    }

    public static JMXConnector connect(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String url;
        try {
            url = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return JMXConnectorFactory.connect(new JMXServiceURL(url));
    }
}
