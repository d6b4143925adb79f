package io.ringtrader.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalRetentionConfigTest {

    @Test
    void shouldKeepEveryCycleByDefault() {
        final JournalRetentionConfig r = ConfigLoader.load(null, Map.of()).persistence().journalRetention();
        assertThat(r.enabled()).isFalse();
        assertThat(r.archiveIn(Path.of("data"))).isNull();
    }

    @Test
    void shouldReadTheDaysAndTheArchiveFolderRelativeToTheDataFolder() {
        final JournalRetentionConfig r = ConfigLoader.load(null, Map.of("persistence.journal_retention_days", "8",
            "persistence.journal_archive_dir", "journal-archive")).persistence().journalRetention();
        assertThat(r.retentionDays()).isEqualTo(8);
        assertThat(r.archiveIn(Path.of("/srv/data"))).isEqualTo(Path.of("/srv/data/journal-archive"));
    }

    @Test
    void shouldNameTheKeyOfABadValue() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("persistence.journal_retention_days", "-1")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("persistence.journal_retention_days");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("persistence.journal_retention_days", "ten")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("persistence.journal_retention_days");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("persistence.journal_archive_dir", " ")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("persistence.journal_archive_dir");
    }

    @Test
    void shouldRefuseFewerDaysThanTheCandleStoreRecoveryRebuilds() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("persistence.journal_retention_days", "7")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("persistence.journal_retention_days: must be 0 (keep every cycle) or more than"
                + " candles.retention_days (7), got 7");
        assertThat(ConfigLoader.load(null, Map.of("persistence.journal_retention_days", "2",
            "candles.retention_days", "1")).persistence().journalRetention().retentionDays()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnArchiveInsideTheJournal() {
        final JournalRetentionConfig r = ConfigLoader.load(null, Map.of("persistence.journal_archive_dir",
            "journal/old")).persistence().journalRetention();
        assertThatThrownBy(() -> r.archiveIn(Path.of("data"))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("persistence.journal_archive_dir");
    }
}
