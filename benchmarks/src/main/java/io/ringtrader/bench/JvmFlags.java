package io.ringtrader.bench;

/** JVM flags forked benchmark JVMs need for Chronicle Queue (a forked JVM does not read the jar's manifest). */
final class JvmFlags {
    static final String E1 = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String E2 = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String E3 = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String E4 = "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED";
    static final String O1 = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    static final String O2 = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
    static final String O3 = "--add-opens=java.base/java.io=ALL-UNNAMED";
    static final String O4 = "--add-opens=java.base/java.util=ALL-UNNAMED";
    static final String O5 = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String O6 = "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED";
    static final String O7 = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
    static final String A = "-Dchronicle.analytics.disable=true";

    private JvmFlags() {
    }
}
