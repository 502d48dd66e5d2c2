package com.example.loyalty.common.config;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;

/**
 * Settings a service must be given where it runs for real. A service lists them in its application.properties as one
 * expression per setting, with no defaults: {@code %prod.loyalty.required=${quarkus.datasource.jdbc.url},
 * ${quarkus.datasource.password},...}. A production start without one of them fails at boot, before anything connects
 * anywhere, with a message that names it ({@code SRCFG00011: Could not expand value quarkus.datasource.password in
 * property loyalty.required}). Quarkus' own checks come later and not for every setting: a missing password only shows
 * as a failed login, a missing Kafka address as a silent {@code localhost:9092}. The local stack ({@code local}
 * profile), dev mode and the tests give these settings and list nothing.
 */
@Unremovable // nothing injects it: being resolved at boot is its whole job
@ConfigMapping(prefix = "loyalty")
public interface RequiredSettings {

    /** The values of the required settings (unused: resolving them is the check). */
    @WithName("required")
    @WithDefault("none")
    List<String> required();
}
