/** Foundation: durable file replacement shared by every writer of the engine. */
package io.ringtrader.files;
