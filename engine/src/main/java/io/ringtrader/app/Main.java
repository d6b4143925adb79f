package io.ringtrader.app;

/** Entry point placeholder. */
public final class Main {
    private Main() {
    }

    /** Starts the engine. */
    public static void main(String[] args) {
        System.out.println("ringtrader");
    }
}
