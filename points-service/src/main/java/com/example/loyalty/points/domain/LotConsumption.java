package com.example.loyalty.points.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Points a debit (a ledger entry with negative points) took from one lot. A cancellation gives them back to that lot
 * and records itself as {@link #restoredBy}; until then they count against the lot.
 */
@Entity
@Table(name = "lot_consumption")
@IdClass(LotConsumption.Key.class)
public class LotConsumption {
    @Id
    @Column(name = "entry_id")
    public UUID entryId;

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Column(nullable = false)
    public long points;

    /** The ledger entry that gave the points back to the lot; null while they count against it. */
    @Column(name = "restored_by")
    public UUID restoredBy;

    /** The primary key: one row per debit and lot. */
    public static class Key implements Serializable {
        public UUID entryId;
        public UUID lotId;

        public Key() {}

        public Key(UUID entryId, UUID lotId) {
            this.entryId = entryId;
            this.lotId = lotId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(entryId, k.entryId) && Objects.equals(lotId, k.lotId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, lotId);
        }
    }
}
