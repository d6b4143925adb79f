package io.ringtrader.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateImageTest {
    /** A stage-like object: config in final fields, state in arrays and plain fields, a shared part. */
    static final class Stage {
        final int capacity;
        final long[] closes;
        final double[] weights = new double[2];
        final Part shared;
        final Part alias;
        Part[] parts = {new Part(), null};
        List<String> active = List.of("a", "b");
        long count;
        double last;
        final Thread notState = new Thread(() -> { });

        Stage(int capacity, Part shared) {
            this.capacity = capacity;
            this.closes = new long[capacity];
            this.shared = shared;
            this.alias = shared;
        }
    }

    /** A nested part with its own state. */
    static final class Part {
        int value;
        String label = "";
    }

    private static byte[] image(Object... roots) {
        final StateBytes.Out out = new StateBytes.Out(16);
        new StateImage(Set.of(), Set.of()).write(out, roots);
        return out.toByteArray();
    }

    private static void restore(byte[] bytes, Object... roots) {
        final StateBytes.In in = new StateBytes.In(bytes);
        new StateImage(Set.of(), Set.of()).read(in, roots);
        assertThat(in.available()).isZero();
    }

    @Test
    void shouldPutEveryFieldBackIntoAFreshGraphOfTheSameShape() {
        final Stage live = new Stage(3, new Part());
        live.closes[2] = 42;
        live.weights[1] = -0.0;
        live.shared.value = 7;
        live.shared.label = "x";
        live.parts[0].value = 5;
        live.parts[1] = new Part();
        live.parts[1].value = 9;
        live.active = List.of("c");
        live.count = 11;
        live.last = Math.PI;
        final Stage fresh = new Stage(3, new Part());
        restore(image(live), fresh);
        assertThat(fresh.closes).containsExactly(0, 0, 42);
        assertThat(Double.doubleToRawLongBits(fresh.weights[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(fresh.shared.value).isEqualTo(7);
        assertThat(fresh.shared.label).isEqualTo("x");
        assertThat(fresh.alias).as("a shared object stays shared").isSameAs(fresh.shared);
        assertThat(fresh.parts[0].value).isEqualTo(5);
        assertThat(fresh.parts[1].value).as("an element the fresh graph lacked is made").isEqualTo(9);
        assertThat(fresh.active).containsExactly("c");
        assertThat(fresh.count).isEqualTo(11);
        assertThat(fresh.last).isEqualTo(Math.PI);
        assertThat(image(fresh)).as("the restored graph images the same").isEqualTo(image(live));
    }

    @Test
    void shouldRefuseAGraphOfAnotherConfigurationNamingTheField() {
        final byte[] bytes = image(new Stage(3, new Part()));
        assertThatThrownBy(() -> restore(bytes, new Stage(4, new Part())))
            .isInstanceOf(SnapshotMismatchException.class).hasMessageContaining("root0.capacity");
        assertThatThrownBy(() -> restore(bytes, new Part())).isInstanceOf(SnapshotMismatchException.class)
            .hasMessageContaining(Stage.class.getName());
        assertThatThrownBy(() -> restore(java.util.Arrays.copyOf(bytes, bytes.length - 3), new Stage(3, new Part())))
            .isInstanceOf(SnapshotMismatchException.class).hasMessageContaining("ends early");
    }
}
