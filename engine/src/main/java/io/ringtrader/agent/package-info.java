/** Foundation: runs the engine's background {@link org.agrona.concurrent.Agent}s on their own daemon threads. */
package io.ringtrader.agent;
