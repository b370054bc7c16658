package vn.ntm.support.config;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This instance of a service among its others, as the token store's claims ({@code token_entry.owner}), the live
 * instances ({@code service_instance}) and ShedLock's {@code locked_by} name it: {@code ntm.instances.id}, or
 * {@code <pid>@<host>/<random>}. Axon's own default ({@code <pid>@<host>}) is the same for two instances in one JVM,
 * which would then both take each other's claims for their own.
 */
public record InstanceId(String value) {

    public static InstanceId of(SupportProperties.Instances instances) {
        if (!instances.id().isBlank()) {
            return new InstanceId(instances.id());
        }
        return new InstanceId(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public String toString() {
        return value;
    }
}
